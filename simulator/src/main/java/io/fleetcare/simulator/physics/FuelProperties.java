package io.fleetcare.simulator.physics;

import io.fleetcare.core.wire.VehicleProfile.FuelType;

/**
 * Fuel constants shared with the stream job's fuel-from-MAF rule: stoichiometric air-fuel ratio and
 * density (petrol 14.7 and 745 g/L, diesel 14.5 and 832 g/L), and the marginal fuel use per kWh of
 * engine work (Willans line; petrol engines ~33 % marginal efficiency on 8.9 kWh/L, diesels ~38 %
 * on 10 kWh/L).
 *
 * @param airFuelRatio grams of air per gram of fuel
 * @param densityGPerL grams per litre
 * @param litresPerKWh marginal fuel per kWh of engine output
 * @param idleLPerHPerLitre idle fuel rate per litre of displacement, l/h
 */
public record FuelProperties(
    double airFuelRatio, double densityGPerL, double litresPerKWh, double idleLPerHPerLitre) {
  public static final FuelProperties PETROL = new FuelProperties(14.7, 745, 0.34, 0.42);
  public static final FuelProperties DIESEL = new FuelProperties(14.5, 832, 0.26, 0.30);

  /** Constants for {@code fuel}; BEVs get petrol's, which they never use. */
  public static FuelProperties of(FuelType fuel) {
    return fuel == FuelType.DIESEL ? DIESEL : PETROL;
  }

  /** Mass air flow in g/s that burns {@code litresPerHour} of this fuel at stoichiometry. */
  public double mafGPerS(double litresPerHour) {
    return litresPerHour * densityGPerL * airFuelRatio / 3600.0;
  }

  /** Fuel rate in l/h burnt with {@code mafGPerS} of air at stoichiometry. */
  public double litresPerHour(double mafGPerS) {
    return mafGPerS / airFuelRatio / densityGPerL * 3600.0;
  }
}
