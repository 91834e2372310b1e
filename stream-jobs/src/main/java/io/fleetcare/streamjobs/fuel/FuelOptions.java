package io.fleetcare.streamjobs.fuel;

import java.io.Serializable;
import java.time.Duration;

/**
 * Options of the fuel baseline and drift, validated at construction.
 *
 * @param baselineDays the baseline is fitted on the qualifying trips of the vehicle's first days
 *     (from its first qualifying trip, or from the last engine-deposit cleaning), event time
 *     (default 28 days: long enough to see a range of weather and trips, short enough that the
 *     deposits that build meanwhile, under 1.5 % on the simulator, barely move it)
 * @param baselineMinTrips the baseline waits for at least this many qualifying trips (default 20)
 * @param minTripKm shortest trip that counts for the baseline and drift, km (default 2: the fuel of
 *     shorter trips is mostly warm-up)
 * @param ridge ridge penalty on the condition slopes, relative to each condition's own variance in
 *     the baseline trips (default 0.1); it keeps a condition the baseline barely varied (e.g. the
 *     air temperature of one winter month) from extrapolating wildly later
 * @param driftMinTrips a drift window needs at least this many qualifying trips (default 5)
 * @param emitInterval baseline and drift are emitted at most once per this much event time (default
 *     1 day); the per-trip L/100 km is emitted for every trip
 * @param idleTimeout a vehicle quiet for this long loses its state; processing time (default 60
 *     days)
 */
public record FuelOptions(
    Duration baselineDays,
    int baselineMinTrips,
    double minTripKm,
    double ridge,
    int driftMinTrips,
    Duration emitInterval,
    Duration idleTimeout)
    implements Serializable {
  public FuelOptions {
    positive(baselineDays, "baselineDays");
    positive(emitInterval, "emitInterval");
    positive(idleTimeout, "idleTimeout");
    if (baselineMinTrips < 5) {
      // Five coefficients are fitted.
      throw new IllegalArgumentException(
          "baselineMinTrips must be at least 5, was " + baselineMinTrips);
    }
    if (!(minTripKm >= 1)) {
      throw new IllegalArgumentException("minTripKm must be at least 1 km, was " + minTripKm);
    }
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("ridge must be >= 0, was " + ridge);
    }
    if (driftMinTrips < 1) {
      throw new IllegalArgumentException("driftMinTrips must be positive, was " + driftMinTrips);
    }
  }

  /** The documented defaults. */
  public static FuelOptions defaults() {
    return new FuelOptions(
        Duration.ofDays(28), 20, 2, 0.1, 5, Duration.ofDays(1), Duration.ofDays(60));
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
    }
  }
}
