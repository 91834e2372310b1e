package io.fleetcare.streamjobs.mileage;

import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * What {@link MileageProcessor} remembers of a vehicle: kilometres per day over the last 30 days,
 * and its odometer. Public fields keep it a Flink POJO (about 200 bytes serialized).
 */
public final class MileageState {
  /** Epoch day of the newest bin, or Long.MIN_VALUE before the first trip. */
  public long newestDay = Long.MIN_VALUE;

  /** Epoch day of the vehicle's first trip seen. */
  public long firstDay = Long.MIN_VALUE;

  /** Kilometres driven per day; bin i holds day {@code newestDay - i}. */
  public float[] dayKm = new float[MileageProcessor.WINDOW_DAYS];

  /** The car's own odometer (km) and when it read it; NaN for cars that do not report it. */
  public double odometerKm = Double.NaN;

  public long odometerMs = Long.MIN_VALUE;

  /**
   * Cars without an odometer: the reading the dealer reported at the last service (km), and the
   * trip distance driven since.
   */
  public double anchorKm = Double.NaN;

  public long anchorMs = Long.MIN_VALUE;
  public double kmSinceAnchor;

  public long lastEmitMs = Long.MIN_VALUE;

  public IdleClock idle = new IdleClock();

  public MileageState() {}
}
