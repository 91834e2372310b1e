package io.fleetcare.streamjobs.trip;

import io.fleetcare.streamjobs.distance.DistanceFuelState;

/**
 * What {@link TripSegmenter} remembers of a vehicle: the open trip's running sums and where the
 * last trip ended. Times are event time (epoch ms); {@link Long#MIN_VALUE} means "none". Public
 * fields keep it a Flink POJO (about 200 bytes serialized).
 */
public final class TripState {
  /** Distance and fuel integration over the open trip; reset when a trip opens. */
  public DistanceFuelState integration = new DistanceFuelState();

  /** The vehicle has sent ignition events, so they (not standstill) delimit its trips. */
  public boolean ignitionEvents;

  /** A trip is open. */
  public boolean open;

  /** Start of the open trip: IGNITION_ON, or its first sample when that came first. */
  public long startMs = Long.MIN_VALUE;

  /** IGNITION_OFF of the open trip, while its last samples may still be under way. */
  public long offMs = Long.MIN_VALUE;

  /** End of the last closed trip; samples and events up to it are late and dropped. */
  public long closedUntilMs = Long.MIN_VALUE;

  public long firstSampleMs = Long.MIN_VALUE;
  public long lastSampleMs = Long.MIN_VALUE;
  public int samples;
  public double distanceKm;
  public double fuelL;

  /** Integrated time (intervals up to the max sample gap), the denominator of the time shares. */
  public double timeS;

  public double idleS;
  public double nightS;

  /** Distance from integrated speed, the denominator of the highway share. */
  public double speedKm;

  public double highwayKm;
  public int stops;
  public boolean moving;
  public double airTemperatureSum;
  public int airTemperatureCount;

  /** Vehicles without ignition events: since when the car stands with the engine off. */
  public long standstillSinceMs = Long.MIN_VALUE;

  /** Integrated time and night time since {@link #standstillSinceMs}, taken off if it ends. */
  public double standstillS;

  public double standstillNightS;

  /** Pending processing-time timer that closes a trip whose last samples did not come. */
  public long closeTimerMs = -1;

  public IdleClock idle = new IdleClock();

  public TripState() {}
}
