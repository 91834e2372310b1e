package io.fleetcare.predictors.baseline;

import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.ServiceThresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The baselines every model is scored against, and their shared point-forecast shape. */
public final class Baselines {
  private Baselines() {}

  /**
   * The three baselines by scorecard name: fixed interval, threshold alarm, linear trend (30 d).
   */
  public static Map<String, ForecastModel> all(ServiceThresholds thresholds) {
    Map<String, ForecastModel> m = new LinkedHashMap<>();
    m.put("fixed_interval", new FixedIntervalBaseline(thresholds));
    m.put("threshold_alarm", new ThresholdAlarmBaseline(thresholds));
    m.put("linear_trend", new LinearTrendBaseline(thresholds, 30));
    return m;
  }

  /** A point forecast: no interval, probability 1 or 0 of crossing within 15 days. */
  static Forecast point(
      ConditionSeries series,
      Instant now,
      double days,
      Map<String, Object> evidence,
      String version) {
    LocalDate date =
        Double.isFinite(days) && days < 3650
            ? LocalDate.ofInstant(now.plusMillis(Math.round(days * 86_400_000.0)), ZoneOffset.UTC)
            : null;
    return new Forecast(
        series.vin(),
        series.component(),
        series.indicator(),
        now,
        date,
        date,
        date,
        days,
        days,
        days,
        days <= 15 ? 1 : 0,
        evidence,
        version);
  }
}
