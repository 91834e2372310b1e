package io.fleetcare.predictors.baseline;

import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.model.TrendFit;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.model.TrendState;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;
import java.util.Map;

/**
 * Baseline: a least-squares line through the last {@code windowDays} of the indicator (since its
 * last reset), extrapolated to the threshold; a point forecast without interval.
 */
public final class LinearTrendBaseline implements ForecastModel {
  private final TrendForecaster trend;
  private final double windowDays;

  public LinearTrendBaseline(ServiceThresholds thresholds, double windowDays) {
    this.trend = new TrendForecaster(thresholds, version());
    this.windowDays = windowDays;
  }

  @Override
  public String version() {
    return "linear_trend";
  }

  @Override
  public Forecast forecast(ConditionSeries series, VehicleContext ctx, Instant now) {
    TrendState s = trend.state(series, ctx, now);
    if (!s.hasData()) {
      return Baselines.point(series, now, Double.POSITIVE_INFINITY, Map.of(), version());
    }
    TrendFit fit = TrendFit.fit(series.points(), s.segmentStart(), s.index(), now, windowDays);
    double toward = series.indicator().rising() ? 1 : -1;
    double level = fit.points() >= 3 ? fit.level() : s.lastValue();
    double margin = toward * (s.threshold() - level);
    double approach = toward * fit.slopePerDay();
    double days;
    if (ServiceThresholds.crossed(series.indicator(), s.lastValue(), s.threshold())
        || margin <= 0) {
      days = 0;
    } else {
      days = approach > 1e-9 ? margin / approach : Double.POSITIVE_INFINITY;
    }
    return Baselines.point(
        series, now, days, Map.of("slopePerDay", fit.slopePerDay(), "level", level), version());
  }
}
