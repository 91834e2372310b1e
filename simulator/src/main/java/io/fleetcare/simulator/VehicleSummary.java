package io.fleetcare.simulator;

import java.util.List;

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
 * @param frictionBrakingMJ energy the friction brakes dissipated during the run, MJ (before any
 *     rough-road factor on wear)
 * @param padWearEndPercent brake-pad wear per wheel at the end of the run, in {@code
 *     SignalCatalogue.WHEELS} order, % (not capped at 100); the ground truth a brake-wear estimate
 *     is scored against, also for cars without a pad-wear sensor
 * @param padWearGainedPercent brake-pad wear each wheel gained during the run (summed across pad
 *     replacements), %
 */
public record VehicleSummary(
    String vin,
    double distanceKm,
    double fuelL,
    long telemetryMessages,
    long samples,
    long trips,
    double tractionEnergyKWh,
    double frictionBrakingMJ,
    List<Double> padWearEndPercent,
    List<Double> padWearGainedPercent) {
  public VehicleSummary {
    padWearEndPercent = List.copyOf(padWearEndPercent);
    padWearGainedPercent = List.copyOf(padWearGainedPercent);
  }

  /** A summary without brake ground truth. */
  public VehicleSummary(
      String vin,
      double distanceKm,
      double fuelL,
      long telemetryMessages,
      long samples,
      long trips,
      double tractionEnergyKWh) {
    this(
        vin,
        distanceKm,
        fuelL,
        telemetryMessages,
        samples,
        trips,
        tractionEnergyKWh,
        0,
        List.of(),
        List.of());
  }

  /** The first-slice shape: distance, fuel and message counts only. */
  public VehicleSummary(
      String vin, double distanceKm, double fuelL, long telemetryMessages, long samples) {
    this(vin, distanceKm, fuelL, telemetryMessages, samples, 0, 0);
  }
}
