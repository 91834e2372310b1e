package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;

/**
 * Forecasts when a component crosses its service threshold. Implementations are pure (no Flink, no
 * I/O) and thread-safe, so the stream job's predictor operator and offline evaluation call the same
 * code.
 */
public interface ForecastModel {
  /**
   * Forecasts from the points of {@code series} at or before {@code now} (later points are ignored)
   * and what {@code ctx} knew at {@code now}.
   */
  Forecast forecast(ConditionSeries series, VehicleContext ctx, Instant now);

  /** The model version stamped on forecasts and orders. */
  String version();
}
