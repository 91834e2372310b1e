package io.fleetcare.streamjobs.usage;

import java.io.Serializable;
import java.time.Duration;

/**
 * Options of the usage profile, validated at construction. The window is the last 28 calendar days
 * (four of each weekday).
 *
 * @param minTrips a snapshot needs at least this many trips in the window (default 10)
 * @param minHistoryDays and this many calendar days since the vehicle's first trip (default 7: a
 *     week has working days and a weekend)
 * @param emitInterval snapshots are emitted at most once per this much event time (default 1 day)
 * @param idleTimeout a vehicle quiet for this long loses its state; processing time (default 60
 *     days)
 */
public record UsageOptions(
    int minTrips, int minHistoryDays, Duration emitInterval, Duration idleTimeout)
    implements Serializable {
  public UsageOptions {
    if (minTrips < 1) {
      throw new IllegalArgumentException("minTrips must be positive, was " + minTrips);
    }
    if (minHistoryDays < 1 || minHistoryDays > UsageProfileProcessor.WINDOW_DAYS) {
      throw new IllegalArgumentException(
          "minHistoryDays must be 1.."
              + UsageProfileProcessor.WINDOW_DAYS
              + ", was "
              + minHistoryDays);
    }
    if (emitInterval == null || emitInterval.isNegative() || emitInterval.isZero()) {
      throw new IllegalArgumentException("emitInterval must be positive, was " + emitInterval);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
  }

  /** The documented defaults. */
  public static UsageOptions defaults() {
    return new UsageOptions(10, 7, Duration.ofDays(1), Duration.ofDays(60));
  }
}
