package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionPoint;
import java.time.Instant;
import java.util.List;

/**
 * An ordinary least-squares line through the points of a window, in days.
 *
 * @param level the fitted value at the window's end
 * @param slopePerDay fitted change per day
 * @param residualSd standard deviation of the residuals (0 with fewer than 3 points)
 * @param slopeSe standard error of the slope (infinite with fewer than 3 points)
 * @param points points used
 * @param spanDays days between first and last point used
 */
public record TrendFit(
    double level,
    double slopePerDay,
    double residualSd,
    double slopeSe,
    int points,
    double spanDays) {

  static final double DAY_MS = 86_400_000.0;

  /**
   * A fit to the points in [{@code from}, {@code to}] of {@code pts} whose time is in the last
   * {@code windowDays} before {@code now}.
   */
  public static TrendFit fit(
      List<ConditionPoint> pts, int from, int to, Instant now, double windowDays) {
    long nowMs = now.toEpochMilli();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = 0;
    double first = Double.NaN;
    double lastValue = Double.NaN;
    for (int i = to; i >= from; i--) {
      ConditionPoint p = pts.get(i);
      double x = (p.ts().toEpochMilli() - nowMs) / DAY_MS;
      if (x < -windowDays) {
        break;
      }
      if (Double.isNaN(lastValue)) {
        lastValue = p.value();
      }
      first = x;
      sx += x;
      sy += p.value();
      sxx += x * x;
      sxy += x * p.value();
      n++;
    }
    if (n == 0) {
      return new TrendFit(Double.NaN, 0, 0, Double.POSITIVE_INFINITY, 0, 0);
    }
    double span = -first;
    double det = n * sxx - sx * sx;
    if (n < 3 || det <= 1e-9) {
      return new TrendFit(lastValue, 0, 0, Double.POSITIVE_INFINITY, n, span);
    }
    double slope = (n * sxy - sx * sy) / det;
    double intercept = (sy - slope * sx) / n;
    double sse = 0;
    for (int i = to; i >= from; i--) {
      ConditionPoint p = pts.get(i);
      double x = (p.ts().toEpochMilli() - nowMs) / DAY_MS;
      if (x < -windowDays) {
        break;
      }
      double r = p.value() - (intercept + slope * x);
      sse += r * r;
    }
    double sd = Math.sqrt(sse / (n - 2));
    double sxxCentered = sxx - sx * sx / n;
    double se = sxxCentered > 0 ? sd / Math.sqrt(sxxCentered) : Double.POSITIVE_INFINITY;
    return new TrendFit(intercept, slope, sd, se, n, span);
  }
}
