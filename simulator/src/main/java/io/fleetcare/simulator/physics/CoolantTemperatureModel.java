package io.fleetcare.simulator.physics;

/**
 * Engine coolant temperature: warms toward the thermostat's regulating temperature with a time
 * constant of ~4 minutes under load (longer at idle), cools toward ambient with ~2 hours when
 * parked. A stuck-open thermostat lowers the regulated temperature (a fault-code precursor).
 */
public final class CoolantTemperatureModel {
  private static final double PARKED_TIME_CONSTANT_S = 7200;

  private double temperatureC;
  private double regulatedC = 90;

  public CoolantTemperatureModel(double initialC) {
    this.temperatureC = initialC;
  }

  /** One second of running at {@code loadW} engine power. */
  public void run(double loadW) {
    double timeConstantS = 240 + 400 * Math.max(0, 1 - loadW / 15_000);
    temperatureC += (regulatedC - temperatureC) / timeConstantS;
  }

  /** {@code seconds} parked at {@code ambientC}. */
  public void park(double seconds, double ambientC) {
    temperatureC =
        ambientC + (temperatureC - ambientC) * Math.exp(-seconds / PARKED_TIME_CONSTANT_S);
  }

  /** Sets the regulated temperature (90 °C healthy; lower with a failing thermostat). */
  public void regulateAt(double celsius) {
    this.regulatedC = celsius;
  }

  public double temperatureC() {
    return temperatureC;
  }
}
