package io.fleetcare.app.bench;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile is the smallest value that at
 * least p % of the observations are less than or equal to. With few observations the high
 * percentiles are simply the largest values, which {@link #count} makes visible.
 *
 * @param count observations
 * @param p50Ms median, milliseconds
 * @param p99Ms 99th percentile, milliseconds
 * @param p999Ms 99.9th percentile, milliseconds
 * @param maxMs largest observation, milliseconds
 */
public record Percentiles(int count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
  /** No observations: every figure is NaN. */
  public static final Percentiles EMPTY =
      new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The percentiles of {@code valuesMs} (not modified). */
  public static Percentiles of(double[] valuesMs) {
    if (valuesMs.length == 0) {
      return EMPTY;
    }
    double[] sorted = valuesMs.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        nearestRank(sorted, 50),
        nearestRank(sorted, 99),
        nearestRank(sorted, 99.9),
        sorted[sorted.length - 1]);
  }

  /** The nearest-rank {@code percent}-th percentile of an ascending array. */
  static double nearestRank(double[] sorted, double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    // The epsilon keeps 99.9 % of 1,000 at rank 999: 99.9 / 100 * 1000 is 999.0000000000001.
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length - 1e-9);
    return sorted[Math.max(1, rank) - 1];
  }

  /** Whether there was at least one observation. */
  public boolean isEmpty() {
    return count == 0;
  }
}
