package io.fleetcare.predictors.baseline;

import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.model.TrendState;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;
import java.util.Map;

/** Baseline: an alarm the day the indicator reads past its threshold, and no forecast before. */
public final class ThresholdAlarmBaseline implements ForecastModel {
  private final TrendForecaster trend;
  private final ServiceThresholds thresholds;

  public ThresholdAlarmBaseline(ServiceThresholds thresholds) {
    this.thresholds = thresholds;
    this.trend = new TrendForecaster(thresholds, version());
  }

  @Override
  public String version() {
    return "threshold_alarm";
  }

  @Override
  public Forecast forecast(ConditionSeries series, VehicleContext ctx, Instant now) {
    TrendState s = trend.state(series, ctx, now);
    boolean crossed =
        s.hasData() && ServiceThresholds.crossed(series.indicator(), s.lastValue(), s.threshold());
    if (s.hasData() && series.indicator() == Indicator.ODOMETER_KM && s.index() > 0) {
      // The odometer's threshold moves on once passed: the alarm is the day a milestone is passed.
      double before = series.points().get(s.index() - 1).value();
      crossed = s.lastValue() >= thresholds.threshold(Indicator.ODOMETER_KM, before);
    }
    double days = crossed ? 0 : Double.POSITIVE_INFINITY;
    return Baselines.point(series, now, days, Map.of("crossed", crossed), version());
  }
}
