package io.fleetcare.simulator.trip;

import io.fleetcare.simulator.fleet.Rng;
import io.fleetcare.simulator.fleet.UsageProfile;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans one vehicle's trips day by day from its usage profile. Times of day are UTC, standing in
 * for the fleet's local time. The planner has its own random stream, so the plan of a day does not
 * depend on how the trips before it were driven.
 */
public final class TripPlanner {

  private final UsageProfile usage;
  private final Rng rng;
  private final double commuteKm;
  private final double morningHour;
  private final double eveningHour;
  private final boolean nightShift;

  /**
   * @param usage the vehicle's usage profile
   * @param rng the planner's own random stream
   */
  public TripPlanner(UsageProfile usage, Rng rng) {
    this.usage = usage;
    this.rng = rng;
    // Habits fixed per vehicle: the commute distance and the usual departure times.
    this.commuteKm = rng.logNormal(usage.medianTripKm(), usage.tripKmSigma());
    this.morningHour = rng.uniform(6.3, 8.8);
    this.eveningHour = rng.uniform(15.8, 18.8);
    this.nightShift = rng.chance(usage.nightShare());
  }

  /** The trips of the day starting at {@code dayStartMs} (UTC midnight), in start order. */
  public List<TripPlan> plan(long dayStartMs) {
    DayOfWeek dow = Instant.ofEpochMilli(dayStartMs).atZone(ZoneOffset.UTC).getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    List<TripPlan> trips = new ArrayList<>();
    if (usage == UsageProfile.RIDE_HAILING) {
      planShift(dayStartMs, weekend, trips);
    } else if (usage == UsageProfile.COMMUTE && !weekend && rng.chance(0.93)) {
      trips.add(trip(dayStartMs, morningHour + rng.gaussian(0, 0.25), commute()));
      int errands = poisson(Math.max(0, usage.weekdayTrips() - 2));
      for (int i = 0; i < errands; i++) {
        trips.add(trip(dayStartMs, rng.uniform(10, 21), freeDistance()));
      }
      trips.add(trip(dayStartMs, eveningHour + rng.gaussian(0, 0.4), commute()));
    } else {
      int count = poisson(weekend ? usage.weekendTrips() : usage.weekdayTrips());
      for (int i = 0; i < count; i++) {
        double hour =
            rng.chance(usage.nightShare())
                ? (rng.uniform(22, 29) % 24)
                : rng.uniform(weekend ? 8.5 : 7, 21.5);
        trips.add(trip(dayStartMs, hour, freeDistance()));
      }
    }
    trips.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
    return trips;
  }

  /** Ride-hailing: back-to-back rides through a shift, day or night. */
  private void planShift(long dayStartMs, boolean weekend, List<TripPlan> trips) {
    if (rng.chance(weekend ? 0.35 : 0.15)) {
      return; // day off
    }
    double hour = nightShift ? rng.uniform(18, 20) : rng.uniform(6, 8);
    double endHour = hour + rng.uniform(7, 10);
    while (hour < endHour) {
      trips.add(trip(dayStartMs, hour, freeDistance()));
      // Ride time at ~25 km/h plus waiting for the next fare.
      hour += trips.getLast().distanceKm() / 25.0 + rng.uniform(0.05, 0.3);
    }
  }

  private double commute() {
    return commuteKm * rng.uniform(0.95, 1.08);
  }

  private double freeDistance() {
    return Math.min(400, Math.max(0.6, rng.logNormal(usage.medianTripKm(), usage.tripKmSigma())));
  }

  private TripPlan trip(long dayStartMs, double hour, double distanceKm) {
    // Whole seconds: gateways sample on a 1 Hz clock.
    long startMs = dayStartMs + (long) (hour * 3600) * 1000L;
    // Highways only pay off for longer trips.
    boolean highway = distanceKm > 8 && rng.chance(usage.highwayShare());
    double stopAndGo = Math.max(0, Math.min(1, usage.stopAndGo() + rng.gaussian(0, 0.1)));
    return new TripPlan(startMs, distanceKm, highway, stopAndGo, usage.roughRoad());
  }

  private int poisson(double mean) {
    // Knuth's method; the means here are small.
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= rng.nextDouble();
    }
    return count;
  }
}
