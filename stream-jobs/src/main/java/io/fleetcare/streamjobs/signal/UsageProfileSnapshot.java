package io.fleetcare.streamjobs.signal;

/**
 * How a vehicle is used, over its recent trips. Stored in {@code usage_profile}; the input of care
 * orders (long commute, short trips).
 *
 * @param vin vehicle
 * @param tsMs event time of the trip that last changed it
 * @param trips trips considered (the recent window)
 * @param shortTripShare share of trips under 8 km, 0..1
 * @param commuteKm typical daily distance of a weekday (median), km
 * @param kmPerDay mean distance per calendar day over the window
 * @param highwayShare share of distance above 80 km/h, 0..1
 * @param nightShare share of driving time at night, 0..1
 * @param scenario commute, business, family, off-road or ride-hailing
 */
public record UsageProfileSnapshot(
    String vin,
    long tsMs,
    int trips,
    double shortTripShare,
    double commuteKm,
    double kmPerDay,
    double highwayShare,
    double nightShare,
    String scenario) {}
