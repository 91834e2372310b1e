package io.fleetcare.simulator.physics;

/**
 * Power split of a full hybrid (Toyota-style): the engine runs when the driver asks for more than
 * the electric path gives, at speed, or to recharge a low battery; otherwise the car drives
 * electrically. Braking is regenerated up to the motor's limit. With an eCVT, engine speed follows
 * engine power, not road speed.
 */
public final class HybridPowertrainModel {
  private static final double ENGINE_ON_POWER_W = 9_000;
  private static final double ENGINE_ON_SPEED_KMH = 62;
  private static final double REGEN_LIMIT_W = 25_000;
  private static final double REGEN_EFFICIENCY = 0.75;
  private static final double MOTOR_EFFICIENCY = 0.85;
  private static final double CHARGE_POWER_W = 4_000;
  private static final double ACCESSORY_W = 500;

  private final FuelProperties fuel;
  private final double idleLPerH;
  private boolean engineOn;

  /** Power flows of one second. */
  public record Split(boolean engineOn, double engineRpm, double fuelLPerH, double batteryW) {}

  public HybridPowertrainModel(FuelProperties fuel, double displacementL) {
    this.fuel = fuel;
    this.idleLPerH = 0.8 * fuel.idleLPerHPerLitre() * displacementL;
  }

  /**
   * Splits {@code wheelPowerW} (negative when braking) between engine and battery.
   *
   * @param speedKmh road speed
   * @param socPercent battery state of charge
   * @param consumptionFactor fuel multiplier (deposits, cold engine)
   * @param warmingUp whether the engine must run to warm the catalyst
   */
  public Split split(
      double wheelPowerW,
      double speedKmh,
      double socPercent,
      double consumptionFactor,
      boolean warmingUp) {
    boolean wantEngine =
        warmingUp
            || wheelPowerW > ENGINE_ON_POWER_W
            || speedKmh > ENGINE_ON_SPEED_KMH
            || socPercent < 45
            || (engineOn && socPercent < 52 && speedKmh > 0);
    engineOn = wantEngine;
    if (wheelPowerW < 0) {
      double regenW = Math.max(-REGEN_LIMIT_W, wheelPowerW) * REGEN_EFFICIENCY;
      return new Split(
          engineOn,
          engineOn ? 1000 : 0,
          engineOn ? idleLPerH * consumptionFactor : 0,
          regenW + ACCESSORY_W);
    }
    if (!engineOn) {
      return new Split(false, 0, 0, wheelPowerW / MOTOR_EFFICIENCY + ACCESSORY_W);
    }
    double chargeW = socPercent < 60 ? CHARGE_POWER_W : 0;
    double engineW = wheelPowerW / 0.92 + chargeW + ACCESSORY_W;
    // Atkinson engines run near their best efficiency: about 10 % less fuel per kWh.
    double fuelLPerH =
        (idleLPerH + engineW / 1000.0 * fuel.litresPerKWh() * 0.9) * consumptionFactor;
    double rpm = Math.min(5200, 1000 + engineW / 1000.0 * 55);
    return new Split(true, rpm, fuelLPerH, -chargeW * 0.9);
  }

  /** Switches the engine off (ignition off). */
  public void stop() {
    engineOn = false;
  }
}
