package io.fleetcare.streamjobs.battery;

/**
 * What {@link TractionBatteryProcessor} remembers of one vehicle: the state-of-charge swing under
 * way (its starting SoC and the energy moved since), the capacity measured so far, the capacity
 * when new (known once the car has reported its state of health) and the health trend. Flink POJO.
 */
public final class TractionBatteryState extends IdleExpiringState {
  public long lastSampleMs = Long.MIN_VALUE;
  public double anchorSocPct = Double.NaN;
  public double energyJ;

  /** Exponentially-weighted mean of the measured capacity, kWh, and its weight. */
  public double capacityKWh = Double.NaN;

  public double capacityWeight;

  /** Capacity when new, kWh: measured capacity ÷ reported state of health. NaN until known. */
  public double newCapacityKWh = Double.NaN;

  public double reportedSohPct = Double.NaN;
  public double lastEmittedSohPct = Double.NaN;
  public EwTrend sohTrend = new EwTrend();

  public TractionBatteryState() {}
}
