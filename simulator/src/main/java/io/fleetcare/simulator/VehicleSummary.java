package io.fleetcare.simulator;

/**
 * One vehicle's totals over a run, from the simulator's own physics (the truth a stream job's
 * integration of the published samples is checked against).
 *
 * @param vin the vehicle
 * @param distanceKm distance driven during the run: the sum of speed × 1 s over physics steps
 * @param fuelL fuel burnt during the run, in litres (0 for battery-electric cars)
 * @param telemetryMessages telemetry messages the vehicle produced (before fault injection)
 * @param samples samples in those messages
 * @param trips trips driven (ignition on to ignition off; a no-start counts as no trip)
 * @param tractionEnergyKWh net energy drawn from the traction battery while driving, in kWh
 *     (negative means regeneration exceeded use; 0 for combustion cars)
 */
public record VehicleSummary(
    String vin,
    double distanceKm,
    double fuelL,
    long telemetryMessages,
    long samples,
    long trips,
    double tractionEnergyKWh) {

  /** The first-slice shape: distance, fuel and message counts only. */
  public VehicleSummary(
      String vin, double distanceKm, double fuelL, long telemetryMessages, long samples) {
    this(vin, distanceKm, fuelL, telemetryMessages, samples, 0, 0);
  }
}
