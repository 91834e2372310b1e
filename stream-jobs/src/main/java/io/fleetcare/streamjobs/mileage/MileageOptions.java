package io.fleetcare.streamjobs.mileage;

import java.io.Serializable;
import java.time.Duration;

/**
 * Options of the mileage indicators, validated at construction.
 *
 * @param serviceIntervalKm service milestones fall on multiples of this odometer reading, km
 *     (default 10,000, DESIGN.md's MILEAGE_SERVICE)
 * @param minHistoryDays km/day (and the projection built on it) waits for this many calendar days
 *     of trips, counting from the first trip; the window itself is the last 30 days (default 7)
 * @param emitInterval indicators are emitted at most once per this much event time (default 1 day)
 * @param idleTimeout a vehicle quiet for this long loses its state; processing time (default 60
 *     days)
 */
public record MileageOptions(
    double serviceIntervalKm, int minHistoryDays, Duration emitInterval, Duration idleTimeout)
    implements Serializable {
  public MileageOptions {
    if (!(serviceIntervalKm > 0) || Double.isInfinite(serviceIntervalKm)) {
      throw new IllegalArgumentException(
          "serviceIntervalKm must be positive, was " + serviceIntervalKm);
    }
    if (minHistoryDays < 1 || minHistoryDays > MileageProcessor.WINDOW_DAYS) {
      throw new IllegalArgumentException(
          "minHistoryDays must be 1.." + MileageProcessor.WINDOW_DAYS + ", was " + minHistoryDays);
    }
    if (emitInterval == null || emitInterval.isNegative() || emitInterval.isZero()) {
      throw new IllegalArgumentException("emitInterval must be positive, was " + emitInterval);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
  }

  /** The documented defaults. */
  public static MileageOptions defaults() {
    return new MileageOptions(10_000, 7, Duration.ofDays(1), Duration.ofDays(60));
  }
}
