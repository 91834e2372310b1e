package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physically sensible prior: since the last reset, a straight line through the indicator over
 * its window (wear, voltage, pressure, tread, SoH and odometer all move roughly linearly in time at
 * a steady usage), extrapolated to the threshold. The interval comes from the slope's standard
 * error; the probability of crossing within 15 days from the line's spread at 15 days.
 */
public final class TrendForecaster implements ForecastModel {
  /** Time to threshold beyond which nothing is foreseen, days. */
  public static final double HORIZON_DAYS = 3650;

  /** Fewest points a trend slope is trusted from. */
  public static final int MIN_POINTS = 5;

  /** Fewest days a trend slope is trusted over. */
  public static final double MIN_SPAN_DAYS = 5;

  private static final double Z90 = 1.2816;
  private final ServiceThresholds thresholds;
  private final String version;

  public TrendForecaster(ServiceThresholds thresholds) {
    this(thresholds, "trend-1");
  }

  public TrendForecaster(ServiceThresholds thresholds, String version) {
    this.thresholds = thresholds;
    this.version = version;
  }

  @Override
  public String version() {
    return version;
  }

  public ServiceThresholds thresholds() {
    return thresholds;
  }

  /** The trend reading of {@code series} at {@code now}. */
  public TrendState state(ConditionSeries series, VehicleContext ctx, Instant now) {
    List<ConditionPoint> pts = series.points();
    int index = lastAtOrBefore(pts, now);
    Indicator indicator = series.indicator();
    IndicatorSettings settings = IndicatorSettings.of(indicator);
    if (index < 0) {
      TrendFit empty = new TrendFit(Double.NaN, 0, 0, Double.POSITIVE_INFINITY, 0, 0);
      return new TrendState(
          series, -1, 0, empty, Double.NaN, Double.NaN, 0, Double.POSITIVE_INFINITY);
    }
    int start = segmentStart(series, ctx, index, settings);
    TrendFit fit = TrendFit.fit(pts, start, index, now, settings.windowDays());
    double last = pts.get(index).value();
    double level = fit.points() >= 3 ? fit.level() : last;
    double threshold =
        thresholds.threshold(indicator, indicator == Indicator.ODOMETER_KM ? last : level);
    double toward = indicator.rising() ? 1 : -1;
    double margin = toward * (threshold - level);
    if (ServiceThresholds.crossed(indicator, last, threshold)) {
      margin = Math.min(margin, 0);
    }
    // A slope from a handful of days of a noisy indicator is not a trend (one cold start is not
    // battery wear): until there are enough days, only the level counts.
    boolean trusted = fit.points() >= MIN_POINTS && fit.spanDays() >= MIN_SPAN_DAYS;
    double approach = trusted ? toward * fit.slopePerDay() : 0;
    double ttc;
    if (margin <= 0) {
      ttc = 0;
    } else if (approach > 1e-9) {
      ttc = Math.min(HORIZON_DAYS, margin / approach);
    } else {
      ttc = Double.POSITIVE_INFINITY;
    }
    return new TrendState(series, index, start, fit, threshold, margin, approach, ttc);
  }

  @Override
  public Forecast forecast(ConditionSeries series, VehicleContext ctx, Instant now) {
    TrendState s = state(series, ctx, now);
    if (!s.hasData()) {
      return none(series, now, Map.of());
    }
    TrendFit fit = s.fit();
    double seApproach =
        Double.isFinite(fit.slopeSe()) ? fit.slopeSe() : Math.abs(s.approachPerDay());
    double fast = s.approachPerDay() + Z90 * seApproach;
    double slow = s.approachPerDay() - Z90 * seApproach;
    double low = s.margin() <= 0 ? 0 : fast > 1e-9 ? s.margin() / fast : Double.POSITIVE_INFINITY;
    double high = s.margin() <= 0 ? 0 : slow > 1e-9 ? s.margin() / slow : Double.POSITIVE_INFINITY;
    double sd15 =
        Math.hypot(fit.residualSd(), 15 * (Double.isFinite(fit.slopeSe()) ? fit.slopeSe() : 0));
    double gap15 = s.margin() - 15 * s.approachPerDay();
    double p15;
    if (s.margin() <= 0) {
      p15 = 1;
    } else if (sd15 <= 1e-12) {
      p15 = gap15 <= 0 ? 1 : 0;
    } else {
      p15 = normalCdf(-gap15 / sd15);
    }
    return make(series, now, s.ttcDays(), low, high, p15, evidence(s), version);
  }

  static Map<String, Object> evidence(TrendState s) {
    Map<String, Object> e = new LinkedHashMap<>();
    Indicator indicator = s.series().indicator();
    e.put("indicator", indicator.name());
    e.put("unit", indicator.unit());
    e.put("value", round(s.lastValue()));
    e.put("level", round(s.fit().level()));
    e.put("slopePerDay", round(s.fit().slopePerDay()));
    e.put("threshold", round(s.threshold()));
    e.put("points", s.fit().points());
    e.put("trendDays", round(s.ttcDays()));
    return e;
  }

  static Forecast make(
      ConditionSeries series,
      Instant now,
      double median,
      double low,
      double high,
      double p15,
      Map<String, Object> evidence,
      String version) {
    return new Forecast(
        series.vin(),
        series.component(),
        series.indicator(),
        now,
        date(now, median),
        date(now, low),
        date(now, high),
        median,
        low,
        high,
        Math.max(0, Math.min(1, p15)),
        evidence,
        version);
  }

  Forecast none(ConditionSeries series, Instant now, Map<String, Object> evidence) {
    return make(
        series,
        now,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        0,
        evidence,
        version);
  }

  /** The UTC date {@code days} after {@code now}, or null when not finite or past the horizon. */
  static LocalDate date(Instant now, double days) {
    if (!Double.isFinite(days) || days > HORIZON_DAYS) {
      return null;
    }
    return LocalDate.ofInstant(now.plusMillis(Math.round(days * TrendFit.DAY_MS)), ZoneOffset.UTC);
  }

  static int lastAtOrBefore(List<ConditionPoint> pts, Instant now) {
    int lo = 0;
    int hi = pts.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (pts.get(mid).ts().isAfter(now)) {
        hi = mid - 1;
      } else {
        found = mid;
        lo = mid + 1;
      }
    }
    return found;
  }

  /** First point after the last reset at or before {@code index}: a service or a jump back. */
  static int segmentStart(
      ConditionSeries series, VehicleContext ctx, int index, IndicatorSettings settings) {
    List<ConditionPoint> pts = series.points();
    List<Instant> services = ctx.services().getOrDefault(series.component(), List.of());
    double toward = series.indicator().rising() ? 1 : -1;
    for (int i = index; i >= 1; i--) {
      Instant prev = pts.get(i - 1).ts();
      Instant cur = pts.get(i).ts();
      for (Instant s : services) {
        if (s.isAfter(prev) && !s.isAfter(cur)) {
          return i;
        }
      }
      double back = -toward * (pts.get(i).value() - pts.get(i - 1).value());
      if (back > settings.resetJump()) {
        return i;
      }
    }
    return 0;
  }

  static double normalCdf(double z) {
    // Abramowitz–Stegun 7.1.26 on erf; accurate to ~1e-7.
    double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
    double y =
        1
            - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                    + 0.254829592)
                * t
                * Math.exp(-z * z / 2);
    return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
  }

  static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
  }
}
