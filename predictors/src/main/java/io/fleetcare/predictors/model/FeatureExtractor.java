package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The features of one forecast: level and trends of the indicator over several windows, usage
 * (km/day), temperature, season and age. Pure Java over the series and context, so training,
 * offline evaluation and the stream job compute exactly the same numbers (no training/serving
 * skew).
 *
 * <p>Distances and slopes are signed towards the threshold and divided by the indicator's {@link
 * IndicatorSettings#scale()}, so one feature means the same for every indicator.
 */
public final class FeatureExtractor {
  /** Feature names, in the order of {@link #features}. */
  public static final List<String> NAMES =
      List.of(
          "trend_log_days",
          "margin",
          "last_margin",
          "min7_margin",
          "approach_7d",
          "approach_14d",
          "approach_30d",
          "approach_60d",
          "residual_sd",
          "segment_days",
          "segment_points",
          "km_per_day_14d",
          "km_per_day_60d",
          "ambient_7d",
          "ambient_trend_30d",
          "season_sin",
          "season_cos",
          "age_years",
          "powertrain",
          "mass_kg");

  private final TrendForecaster trend;

  public FeatureExtractor(TrendForecaster trend) {
    this.trend = trend;
  }

  /** The trend reader behind the features. */
  public TrendForecaster trend() {
    return trend;
  }

  /** Features of {@code series} at {@code now}; see {@link #NAMES}. */
  public double[] features(ConditionSeries series, VehicleContext ctx, Instant now) {
    return features(trend.state(series, ctx, now), ctx, now);
  }

  /** Features of an already computed trend reading. */
  public double[] features(TrendState s, VehicleContext ctx, Instant now) {
    Indicator indicator = s.series().indicator();
    IndicatorSettings settings = IndicatorSettings.of(indicator);
    double scale = settings.scale();
    double toward = indicator.rising() ? 1 : -1;
    List<ConditionPoint> pts = s.series().points();
    double[] f = new double[NAMES.size()];
    f[0] = logDays(s.ttcDays());
    f[1] = s.margin() / scale;
    double last = s.lastValue();
    f[2] = toward * (s.threshold() - last) / scale;
    double extreme = last;
    long nowMs = now.toEpochMilli();
    for (int i = s.index(); i >= s.segmentStart(); i--) {
      if (nowMs - pts.get(i).ts().toEpochMilli() > 7 * TrendFit.DAY_MS) {
        break;
      }
      double v = pts.get(i).value();
      extreme = indicator.rising() ? Math.max(extreme, v) : Math.min(extreme, v);
    }
    f[3] = toward * (s.threshold() - extreme) / scale;
    int k = 4;
    for (double w : new double[] {7, 14, 30, 60}) {
      TrendFit fit = TrendFit.fit(pts, s.segmentStart(), s.index(), now, w);
      f[k++] = fit.points() >= 3 ? toward * fit.slopePerDay() / scale : 0;
    }
    f[8] = s.fit().residualSd() / scale;
    f[9] = (nowMs - pts.get(s.segmentStart()).ts().toEpochMilli()) / TrendFit.DAY_MS;
    f[10] = s.index() - s.segmentStart() + 1;
    f[11] = slope(ctx.odometer(), now, 14);
    f[12] = slope(ctx.odometer(), now, 60);
    f[13] = mean(ctx.ambient(), now, 7);
    f[14] = slope(ctx.ambient(), now, 30);
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    double phase = 2 * Math.PI * (day.getDayOfYear() - 1) / 365.25;
    f[15] = Math.sin(phase);
    f[16] = Math.cos(phase);
    f[17] = ctx.modelYear() > 0 ? Math.max(0, day.getYear() - ctx.modelYear()) : -1;
    f[18] =
        switch (ctx.powertrain()) {
          case "ICE" -> 0;
          case "HEV" -> 1;
          case "BEV" -> 2;
          default -> -1;
        };
    f[19] = ctx.massKg();
    return f;
  }

  /** log(1 + days), with days capped to [0, 365]. */
  public static double logDays(double days) {
    double d = Double.isNaN(days) ? 365 : Math.max(0, Math.min(365, days));
    return Math.log1p(d);
  }

  private static double slope(List<ConditionPoint> pts, Instant now, double days) {
    int idx = TrendForecaster.lastAtOrBefore(pts, now);
    if (idx < 0) {
      return 0;
    }
    TrendFit fit = TrendFit.fit(pts, 0, idx, now, days);
    return fit.points() >= 3 ? fit.slopePerDay() : 0;
  }

  private static double mean(List<ConditionPoint> pts, Instant now, double days) {
    int idx = TrendForecaster.lastAtOrBefore(pts, now);
    double sum = 0;
    int n = 0;
    long nowMs = now.toEpochMilli();
    for (int i = idx; i >= 0; i--) {
      if (nowMs - pts.get(i).ts().toEpochMilli() > days * TrendFit.DAY_MS) {
        break;
      }
      sum += pts.get(i).value();
      n++;
    }
    return n == 0 ? 10 : sum / n;
  }
}
