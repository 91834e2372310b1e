package io.fleetcare.streamjobs.planner;

/**
 * One signal series of {@link InterimRuleForecaster}: its newest values (a ring of at most {@code
 * windowPoints}) and its latest projection, so the component forecast can pick the series closest
 * to service without refitting the others. Public fields keep it a Flink POJO (about 150 bytes).
 */
public final class InterimSeriesState {
  /** Event times (epoch ms) and values; slot {@code (head - 1 - i) mod length} is i-th newest. */
  public long[] ts;

  public double[] values;
  public int head;
  public int count;

  /** Highest value since the last reset (the reference of relative thresholds). */
  public double max = Double.NEGATIVE_INFINITY;

  /** Latest projection: epoch day of the crossing, or Long.MAX_VALUE for none in sight. */
  public long predictedDay = Long.MAX_VALUE;

  /** Probability of a crossing within the horizon; negative before the first projection. */
  public double probability = -1;

  public InterimSeriesState() {}

  InterimSeriesState(int capacity) {
    ts = new long[capacity];
    values = new double[capacity];
  }

  void add(long tsMs, double value) {
    ts[head] = tsMs;
    values[head] = value;
    head = (head + 1) % ts.length;
    count = Math.min(count + 1, ts.length);
    max = Math.max(max, value);
  }

  /** Replaces the newest value (and its time). */
  void replaceNewest(long tsMs, double value) {
    int k = index(0);
    ts[k] = tsMs;
    values[k] = value;
    max = Math.max(max, value);
  }

  void reset() {
    head = 0;
    count = 0;
    max = Double.NEGATIVE_INFINITY;
    predictedDay = Long.MAX_VALUE;
    probability = -1;
  }

  /** i-th newest index (0 = newest). */
  int index(int i) {
    return Math.floorMod(head - 1 - i, ts.length);
  }

  double newestValue() {
    return values[index(0)];
  }

  long newestTs() {
    return ts[index(0)];
  }

  long oldestTs() {
    return ts[index(count - 1)];
  }
}
