package io.fleetcare.streamjobs.trip;

import java.io.Serializable;
import java.time.Duration;

/**
 * Options of trip segmentation, validated at construction.
 *
 * @param maxSampleGap longest interval between two samples that is still integrated into distance,
 *     fuel and the trip's time shares; event time (default 120 s, the job's {@code
 *     --max-sample-gap})
 * @param tripGap a gap between samples longer than this ends the trip even without an {@code
 *     IGNITION_OFF} (a lost event, or a log without ignition events); event time, at least {@code
 *     maxSampleGap} (default 10 min)
 * @param standstillEnd for vehicles that never sent ignition events (replayed OBD logs): standstill
 *     with the engine off for this long ends the trip; event time (default 3 min)
 * @param closeGrace after {@code IGNITION_OFF}, how long to wait for the trip's last samples, which
 *     travel on the telemetry topic and may arrive after the event; processing time (default 30 s)
 * @param idleTimeout a vehicle quiet for this long loses its keyed state (an open trip is emitted
 *     first); processing time (default 60 days)
 */
public record TripOptions(
    Duration maxSampleGap,
    Duration tripGap,
    Duration standstillEnd,
    Duration closeGrace,
    Duration idleTimeout)
    implements Serializable {
  public TripOptions {
    positive(maxSampleGap, "maxSampleGap");
    positive(tripGap, "tripGap");
    positive(standstillEnd, "standstillEnd");
    positive(closeGrace, "closeGrace");
    positive(idleTimeout, "idleTimeout");
    if (tripGap.compareTo(maxSampleGap) < 0) {
      throw new IllegalArgumentException(
          "tripGap (" + tripGap + ") must be at least maxSampleGap (" + maxSampleGap + ")");
    }
  }

  /** The documented defaults. */
  public static TripOptions defaults() {
    return new TripOptions(
        Duration.ofSeconds(120),
        Duration.ofMinutes(10),
        Duration.ofMinutes(3),
        Duration.ofSeconds(30),
        Duration.ofDays(60));
  }

  /** These options with another {@code maxSampleGap} (and a trip gap at least as long). */
  public TripOptions withMaxSampleGap(Duration gap) {
    return new TripOptions(
        gap, tripGap.compareTo(gap) < 0 ? gap : tripGap, standstillEnd, closeGrace, idleTimeout);
  }

  static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
    }
  }
}
