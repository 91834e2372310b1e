package io.fleetcare.simulator.physics;

/**
 * A combustion engine with a six-speed gearbox: engine speed from road speed and gear, fuel rate
 * from engine power (Willans line: idle rate plus a marginal rate per kW). Braking and coasting
 * burn the idle rate; no fuel cut-off is modelled, so fuel from MAF equals the fuel burnt.
 */
public final class IceEngineModel {
  /** Engine rpm per km/h in each gear (typical compact-car overall ratios). */
  private static final double[] RPM_PER_KMH = {125, 70, 46, 34, 27, 22.5};

  private static final double DRIVETRAIN_EFFICIENCY = 0.90;
  private static final double ACCESSORY_W = 600;

  private final FuelProperties fuel;
  private final double idleRpm;
  private final double idleLPerH;
  private final double upshiftRpm;
  private int gear;

  /**
   * @param fuel fuel constants
   * @param displacementL engine displacement, litres
   * @param aggressiveness 0..1; aggressive drivers shift later
   */
  public IceEngineModel(FuelProperties fuel, double displacementL, double aggressiveness) {
    this.fuel = fuel;
    this.idleRpm = 820 - 60 * (displacementL - 1.5);
    this.idleLPerH = fuel.idleLPerHPerLitre() * Math.max(0.9, displacementL);
    this.upshiftRpm = 2200 + 1000 * aggressiveness;
  }

  /** Engine speed in rpm at {@code speedKmh}, shifting gears as a driver would. */
  public double rpm(double speedKmh) {
    if (speedKmh < 6) {
      gear = 0;
      return idleRpm;
    }
    while (gear < RPM_PER_KMH.length - 1 && speedKmh * RPM_PER_KMH[gear] > upshiftRpm) {
      gear++;
    }
    while (gear > 0 && speedKmh * RPM_PER_KMH[gear] < 1250) {
      gear--;
    }
    return Math.max(idleRpm, speedKmh * RPM_PER_KMH[gear]);
  }

  /**
   * Fuel rate in l/h for {@code wheelPowerW} at the wheels, with extra auxiliary load, multiplied
   * by {@code consumptionFactor} (engine deposits, cold engine).
   */
  public double fuelRateLPerH(double wheelPowerW, double extraLoadW, double consumptionFactor) {
    double engineW = Math.max(0, wheelPowerW) / DRIVETRAIN_EFFICIENCY + ACCESSORY_W + extraLoadW;
    return (idleLPerH + engineW / 1000.0 * fuel.litresPerKWh()) * consumptionFactor;
  }

  /** Idle fuel rate, l/h. */
  public double idleLPerH() {
    return idleLPerH;
  }

  /** The fuel constants. */
  public FuelProperties fuel() {
    return fuel;
  }
}
