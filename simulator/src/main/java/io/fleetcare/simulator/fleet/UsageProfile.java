package io.fleetcare.simulator.fleet;

/**
 * How a car is used. The numbers are plausible European figures (around 12,000–15,000 km a year for
 * a private car, 40,000+ for business and ride-hailing) chosen so the profiles differ clearly in
 * the signals the predictors read: trip length (battery charging, engine deposits), stop-and-go
 * (brake wear), highway share and night driving.
 *
 * @param weekdayTrips mean trips on a working day
 * @param weekendTrips mean trips on a Saturday or Sunday
 * @param medianTripKm median trip length in kilometres (trip lengths are log-normal)
 * @param tripKmSigma log-space spread of trip lengths
 * @param highwayShare probability that a trip of more than 8 km uses a highway
 * @param stopAndGo 0..1, how often urban driving stops (1 = congested city)
 * @param nightShare share of trips started between 22:00 and 05:00
 * @param roughRoad 0..1, unpaved share (off-road: slower, harder on tyres and brakes)
 * @param weight relative frequency of the profile in a generated fleet
 */
public record UsageProfile(
    String name,
    double weekdayTrips,
    double weekendTrips,
    double medianTripKm,
    double tripKmSigma,
    double highwayShare,
    double stopAndGo,
    double nightShare,
    double roughRoad,
    double weight) {

  /** Two commutes on working days, a few errands at weekends. */
  public static final UsageProfile COMMUTE =
      new UsageProfile("commute", 2.4, 1.2, 14, 0.6, 0.5, 0.5, 0.03, 0, 0.35);

  /** Several longer trips on working days, mostly highway. */
  public static final UsageProfile BUSINESS =
      new UsageProfile("business", 3.5, 0.6, 30, 0.7, 0.7, 0.35, 0.05, 0, 0.2);

  /** Many short urban trips (school, shopping), a longer one at weekends. */
  public static final UsageProfile FAMILY =
      new UsageProfile("family", 3.2, 2.5, 4.5, 0.7, 0.15, 0.75, 0.02, 0, 0.25);

  /** Few trips on rural and unpaved roads. */
  public static final UsageProfile OFF_ROAD =
      new UsageProfile("off-road", 1.6, 1.8, 22, 0.6, 0.15, 0.25, 0.05, 0.6, 0.05);

  /** Many short paid rides, much of it at night, with little parking in between. */
  public static final UsageProfile RIDE_HAILING =
      new UsageProfile("ride-hailing", 16, 14, 6, 0.6, 0.2, 0.8, 0.35, 0, 0.15);

  /** Every profile, in a fixed order. */
  public static final java.util.List<UsageProfile> ALL =
      java.util.List.of(COMMUTE, BUSINESS, FAMILY, OFF_ROAD, RIDE_HAILING);

  /** The profile named {@code name} (as in {@link #name()}). */
  public static UsageProfile byName(String name) {
    return ALL.stream()
        .filter(p -> p.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown usage profile: " + name));
  }
}
