package io.fleetcare.streamjobs.signal;

/**
 * One trip: from ignition on (or the first moving sample) to ignition off (or a long standstill).
 * Stored in the {@code trip} table; the input of fuel baselines, mileage and usage profiles.
 *
 * @param vin vehicle
 * @param startMs event time of the first sample
 * @param endMs event time of the last sample
 * @param distanceKm distance from the odometer when present, else integrated speed
 * @param fuelL fuel from the fuel-rate PID, else from MAF (0 for BEVs)
 * @param idleShare share of the trip's time with the engine running at standstill, 0..1
 * @param stopAndGoIndex stops (speed falling below 5 km/h after moving) per km
 * @param highwayShare share of distance above 80 km/h, 0..1
 * @param nightShare share of driving time between 22:00 and 06:00 local (UTC here), 0..1
 * @param meanAirTemperatureC mean outside temperature, NaN when not reported
 */
public record Trip(
    String vin,
    long startMs,
    long endMs,
    double distanceKm,
    double fuelL,
    double idleShare,
    double stopAndGoIndex,
    double highwayShare,
    double nightShare,
    double meanAirTemperatureC) {

  /** Trip duration in seconds. */
  public double durationS() {
    return (endMs - startMs) / 1000.0;
  }

  /** L/100 km, or NaN for trips too short to tell (under 1 km). */
  public double litresPer100Km() {
    return distanceKm < 1 ? Double.NaN : fuelL / distanceKm * 100;
  }
}
