package io.fleetcare.streamjobs.predict;

import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * The predictor operator's small per-vehicle bookkeeping besides the vehicle's {@code
 * VehicleSeries}: the last day forecast and the idle clock. Public fields keep it a Flink POJO.
 */
public final class PredictorState {
  /** UTC epoch day of the last forecast, or {@code Long.MIN_VALUE} before the first. */
  public long forecastDay = Long.MIN_VALUE;

  public IdleClock idle = new IdleClock();

  public PredictorState() {}
}
