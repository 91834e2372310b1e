package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.wire.VehicleProfile;

/**
 * Stoichiometric air-fuel ratio and density of a fuel, to turn MAF (grams of air per second) into
 * litres of fuel. Values are the usual textbook ones (petrol 14.7:1 and 745 g/L, diesel 14.5:1 and
 * 832 g/L); engines run near stoichiometric on average.
 */
public record FuelProperties(double stoichiometricAirFuelRatio, double densityGPerL) {
  public static final FuelProperties PETROL = new FuelProperties(14.7, 745);
  public static final FuelProperties DIESEL = new FuelProperties(14.5, 832);

  /** Properties for a profile's fuel; petrol when the profile says none or is unknown. */
  public static FuelProperties of(VehicleProfile.FuelType fuel) {
    return fuel == VehicleProfile.FuelType.DIESEL ? DIESEL : PETROL;
  }
}
