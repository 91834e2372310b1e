package io.fleetcare.simulator.trip;

/**
 * A trip a vehicle intends to make.
 *
 * @param startMs event time the ignition is switched on
 * @param distanceKm intended distance; the driven distance comes out close to it
 * @param highway whether the trip uses a highway
 * @param stopAndGo 0..1, how often urban driving stops
 * @param roughRoad 0..1, unpaved share
 */
public record TripPlan(
    long startMs, double distanceKm, boolean highway, double stopAndGo, double roughRoad) {}
