package io.fleetcare.streamjobs.usage;

/**
 * A vehicle's usage over the window, the input of the scenario rule.
 *
 * @param days calendar days in the window (up to 28; fewer while the history is shorter)
 * @param trips trips in the window
 * @param activeDays days with at least one trip
 * @param shortTripShare share of trips under 8 km
 * @param meanTripKm mean trip distance, km
 * @param commuteKm median distance of a weekday with trips, km
 * @param kmPerDay distance per calendar day, km
 * @param highwayShare share of distance above 80 km/h
 * @param nightShare share of driving time between 22:00 and 06:00
 * @param weekdayTripsPerDay trips per working day (Monday to Friday)
 * @param weekendTripsPerDay trips per Saturday or Sunday, NaN when the window has no weekend day
 */
public record UsageFigures(
    int days,
    int trips,
    int activeDays,
    double shortTripShare,
    double meanTripKm,
    double commuteKm,
    double kmPerDay,
    double highwayShare,
    double nightShare,
    double weekdayTripsPerDay,
    double weekendTripsPerDay) {

  /** Trips per day with trips. */
  public double tripsPerActiveDay() {
    return activeDays == 0 ? 0 : (double) trips / activeDays;
  }
}
