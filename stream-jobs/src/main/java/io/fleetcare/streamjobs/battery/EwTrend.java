package io.fleetcare.streamjobs.battery;

/**
 * A linear trend over irregular points with exponentially fading weights: weighted least squares
 * where a point {@code τ} older than the newest counts 1/e as much. Five running sums instead of a
 * window of points keep the per-vehicle state constant-size. Times are kept relative to the newest
 * point so the sums stay well-conditioned over years of epoch milliseconds.
 */
public final class EwTrend {
  private static final double DAY_MS = 86_400_000.0;

  /** Newest point's time, epoch ms; Long.MIN_VALUE when empty. */
  public long refMs = Long.MIN_VALUE;

  /** First point's time since the last reset, epoch ms. */
  public long firstMs = Long.MIN_VALUE;

  public int count;
  public double sw;
  public double st;
  public double stt;
  public double sy;
  public double sty;

  public EwTrend() {}

  /** Adds {@code value} at {@code tsMs}; {@code tauDays} is the fading time constant. */
  public void add(long tsMs, double value, double tauDays) {
    if (count == 0) {
      refMs = tsMs;
      firstMs = tsMs;
    }
    // Points may arrive slightly out of order; an older point is placed at its own time.
    double shift = Math.max(0, (tsMs - refMs) / DAY_MS);
    if (shift > 0) {
      double decay = Math.exp(-shift / tauDays);
      // Moving the origin to the new point: t' = t - shift.
      stt = decay * (stt - 2 * shift * st + shift * shift * sw);
      st = decay * (st - shift * sw);
      sty = decay * (sty - shift * sy);
      sy = decay * sy;
      sw = decay * sw;
      refMs = tsMs;
    }
    double t = Math.min(0, (tsMs - refMs) / DAY_MS);
    double w = Math.exp(t / tauDays);
    sw += w;
    st += w * t;
    stt += w * t * t;
    sy += w * value;
    sty += w * t * value;
    count++;
  }

  /** Slope per day, NaN until {@code minPoints} points spanning {@code minSpanDays} are in. */
  public double slopePerDay(int minPoints, double minSpanDays) {
    if (count < minPoints || (refMs - firstMs) / DAY_MS < minSpanDays) {
      return Double.NaN;
    }
    double den = sw * stt - st * st;
    if (den <= 1e-12 * sw * sw) {
      return Double.NaN;
    }
    return (sw * sty - st * sy) / den;
  }

  /** Weighted mean of the values. */
  public double mean() {
    return count == 0 ? Double.NaN : sy / sw;
  }

  /** Forgets every point (a new battery, a repaired tyre). */
  public void reset() {
    refMs = Long.MIN_VALUE;
    firstMs = Long.MIN_VALUE;
    count = 0;
    sw = st = stt = sy = sty = 0;
  }
}
