package io.fleetcare.streamjobs.distance;

/**
 * Distance driven and fuel burnt covered by one telemetry message, including the interval that
 * joins it to the vehicle's previous message.
 *
 * @param vin vehicle
 * @param seq the telemetry message's seq; (vin, seq) makes the row idempotent
 * @param firstTsMs event time of the message's first sample
 * @param lastTsMs event time of the message's last sample
 * @param distanceKm distance in kilometres
 * @param fuelL fuel in litres (0 for vehicles that report neither fuel rate nor MAF)
 * @param samples samples in the message
 */
public record DistanceFuelIncrement(
    String vin,
    long seq,
    long firstTsMs,
    long lastTsMs,
    double distanceKm,
    double fuelL,
    int samples) {}
