package io.fleetcare.simulator.physics;

/**
 * A battery-electric drive: motor and inverter losses on traction, regeneration up to the motor's
 * limit when braking, and the cabin's heating or cooling load, which dominates short winter trips.
 */
public final class ElectricDriveModel {
  private static final double DRIVE_EFFICIENCY = 0.88;
  private static final double REGEN_EFFICIENCY = 0.80;
  private static final double REGEN_LIMIT_W = 60_000;
  private static final double BASE_AUX_W = 350;

  /** Battery power in watts (negative = charging) for one second of {@code wheelPowerW}. */
  public double batteryPowerW(double wheelPowerW, double ambientC) {
    double drive =
        wheelPowerW >= 0
            ? wheelPowerW / DRIVE_EFFICIENCY
            : Math.max(-REGEN_LIMIT_W, wheelPowerW) * REGEN_EFFICIENCY;
    return drive + auxW(ambientC);
  }

  /** Friction-braking share of {@code wheelPowerW} (negative) that regeneration cannot take. */
  public static double regenCapturedW(double wheelPowerW, double limitW) {
    return Math.min(-wheelPowerW, limitW);
  }

  /** Regeneration limit, W. */
  public double regenLimitW() {
    return REGEN_LIMIT_W;
  }

  private static double auxW(double ambientC) {
    if (ambientC < 15) {
      return BASE_AUX_W + Math.min(3_500, (15 - ambientC) * 150); // heat pump / PTC heater
    }
    if (ambientC > 24) {
      return BASE_AUX_W + Math.min(2_000, (ambientC - 24) * 120); // air conditioning
    }
    return BASE_AUX_W;
  }
}
