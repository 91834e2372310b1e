package io.fleetcare.streamjobs.brake;

/**
 * What {@link BrakeWearProcessor} remembers of one vehicle: its mass and powertrain, the last
 * speed, the friction energy since the last anchor and since the pads were last known new, the
 * anchor (a sensor reading or a service) and the calibrated wear rates. Flink POJO, ~150 bytes.
 */
public final class BrakeWearState extends io.fleetcare.streamjobs.battery.IdleExpiringState {
  /** Profile facts; NaN / -1 until the profile arrives (an ICE of 1,400 kg is assumed). */
  public double massKg = Double.NaN;

  public int powertrain = -1;

  public long lastTsMs = Long.MIN_VALUE;
  public double lastSpeedKmh = Double.NaN;

  /** Friction energy since the anchor, MJ. */
  public double sinceAnchorMJ;

  /** Friction energy since the estimator started or the pads were replaced, MJ. */
  public double accruedMJ;

  /** Friction energy since the estimator started, MJ (not reset by a pad change). */
  public double totalMJ;

  /** Wear at the anchor, %; NaN while the absolute wear is unknown. */
  public double anchorFrontPct = Double.NaN;

  public double anchorRearPct = Double.NaN;

  /** Wear rates, % per MJ of vehicle friction energy; 0 = use the prior. */
  public double frontPctPerMJ;

  public double rearPctPerMJ;

  /** First sensor reading since the pads were last new (or the stream began), for calibration. */
  public double calFrontPct = Double.NaN;

  public double calRearPct = Double.NaN;
  public double calAccruedMJ;

  /** The trip under way: did it see the sensor, its last reading (max over the axle's wheels). */
  public boolean tripActive;

  public double sensorFrontPct = Double.NaN;
  public double sensorRearPct = Double.NaN;
  public long lastSensorMs = Long.MIN_VALUE;
  public long tripSensorMs = Long.MIN_VALUE;

  public BrakeWearState() {}
}
