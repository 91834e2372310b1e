package io.fleetcare.streamjobs.usage;

import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * What {@link UsageProfileProcessor} remembers of a vehicle: per-day sums of its trips over the
 * last 28 days; bin i holds epoch day {@code newestDay - i}. Fixed-size primitive arrays and public
 * fields keep it a compact Flink POJO (about 700 bytes serialized).
 */
public final class UsageState {
  public long newestDay = Long.MIN_VALUE;
  public long firstDay = Long.MIN_VALUE;
  public int[] trips = new int[UsageProfileProcessor.WINDOW_DAYS];
  public int[] shortTrips = new int[UsageProfileProcessor.WINDOW_DAYS];
  public float[] km = new float[UsageProfileProcessor.WINDOW_DAYS];
  public float[] highwayKm = new float[UsageProfileProcessor.WINDOW_DAYS];
  public float[] timeS = new float[UsageProfileProcessor.WINDOW_DAYS];
  public float[] nightS = new float[UsageProfileProcessor.WINDOW_DAYS];
  public long lastEmitMs = Long.MIN_VALUE;
  public IdleClock idle = new IdleClock();

  public UsageState() {}
}
