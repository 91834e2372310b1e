package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionSeries;

/**
 * The trend reading of a series at one moment, shared by the trend forecaster and the features.
 *
 * @param series the series
 * @param index index of the newest point at or before the moment (-1 when none)
 * @param segmentStart index of the first point since the last reset (service or jump)
 * @param fit the trend line over the window
 * @param threshold the threshold it heads for
 * @param margin distance still to go to the threshold, indicator units (negative when past)
 * @param approachPerDay how fast it approaches the threshold per day (negative when moving away)
 * @param ttcDays trend time to the threshold, days (0 when past, infinite when not approaching)
 */
public record TrendState(
    ConditionSeries series,
    int index,
    int segmentStart,
    TrendFit fit,
    double threshold,
    double margin,
    double approachPerDay,
    double ttcDays) {

  /** Whether there is any data. */
  public boolean hasData() {
    return index >= 0 && fit.points() > 0;
  }

  /** The newest value. */
  public double lastValue() {
    return series.points().get(index).value();
  }
}
