package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * What {@link DistanceFuelProcessor} remembers of a vehicle: its last sample (to integrate the
 * interval up to the next one) and its fuel type (to turn MAF into litres). NaN means "the last
 * sample did not carry this signal". Public fields keep it a Flink POJO.
 */
public final class DistanceFuelState {
  public long lastTsMs = Long.MIN_VALUE;
  public double lastSpeedKmh = Double.NaN;
  public double lastOdometerM = Double.NaN;
  public double lastFuelRateLph = Double.NaN;
  public double lastMafGps = Double.NaN;
  public VehicleProfile.FuelType fuel = VehicleProfile.FuelType.PETROL;
  public IdleClock idle = new IdleClock();

  /** Seq of the newest message integrated in order, or -1 before the first. */
  public long lastSeq = -1;

  public DistanceFuelState() {}
}
