package io.fleetcare.simulator.fleet;

import io.fleetcare.core.wire.VehicleProfile;

/**
 * Everything fixed about one simulated vehicle: its published profile, its physics, which signals
 * it reports, how it is used and how fast its parts age.
 *
 * @param index position in the fleet, 0-based
 * @param seed the vehicle's own seed, derived from the fleet seed and the index
 * @param profile the retained profile published for it
 * @param usage how the car is used
 * @param dragAreaM2 drag coefficient × frontal area, m²
 * @param rollingResistance rolling-resistance coefficient (dimensionless)
 * @param tankL fuel tank capacity, litres (0 for BEVs)
 * @param tractionBatteryKWh usable traction-battery capacity when new, kWh (0 for ICE)
 * @param packNominalV traction-pack nominal voltage, V (0 for ICE)
 * @param reportsFuelRate whether the engine reports fuel rate (PID 5E); otherwise MAF (PID 10)
 * @param reportsOdometer whether the car reports {@code Vehicle.TraveledDistance}
 * @param reportsTread whether tread depth is reported (a tread scanner or a tyre with sensor)
 * @param reportsStateOfHealth whether the traction battery reports its state of health
 * @param aggressiveness 0..1 driving style; scales acceleration, braking and cruise speeds
 * @param climateOffsetC how much warmer this car's region is than the fleet's reference climate
 * @param initialOdometerKm odometer at the start of the simulation, km
 * @param degradation wear and ageing parameters with their starting states
 */
public record VehicleSpec(
    int index,
    long seed,
    VehicleProfile profile,
    UsageProfile usage,
    double dragAreaM2,
    double rollingResistance,
    double tankL,
    double tractionBatteryKWh,
    double packNominalV,
    boolean reportsFuelRate,
    boolean reportsOdometer,
    boolean reportsTread,
    boolean reportsStateOfHealth,
    double aggressiveness,
    double climateOffsetC,
    double initialOdometerKm,
    DegradationParameters degradation) {

  /** The VIN. */
  public String vin() {
    return profile.vin();
  }

  /** The powertrain. */
  public VehicleProfile.Powertrain powertrain() {
    return profile.powertrain();
  }

  /** Whether the car has a combustion engine (ICE or hybrid). */
  public boolean hasEngine() {
    return profile.powertrain() != VehicleProfile.Powertrain.BEV;
  }

  /** Whether the car has a traction battery (hybrid or BEV). */
  public boolean hasTractionBattery() {
    return profile.powertrain() != VehicleProfile.Powertrain.ICE;
  }

  /** Kerb mass plus a driver, kg. */
  public double drivingMassKg() {
    return profile.massKg() + 80;
  }
}
