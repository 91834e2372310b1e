package io.fleetcare.simulator.physics;

/**
 * Longitudinal road load of one vehicle: inertia, aerodynamic drag and rolling resistance on a flat
 * road. Standard textbook model; air density 1.2 kg/m³, g 9.81 m/s².
 */
public final class RoadLoadModel {
  private static final double AIR_DENSITY = 1.2;
  private static final double G = 9.81;

  private final double massKg;
  private final double dragAreaM2;
  private final double rollingResistance;

  public RoadLoadModel(double massKg, double dragAreaM2, double rollingResistance) {
    this.massKg = massKg;
    this.dragAreaM2 = dragAreaM2;
    this.rollingResistance = rollingResistance;
  }

  /**
   * Power needed at the wheels over one second from {@code fromKmh} to {@code toKmh}, in watts;
   * negative when the car must shed energy (braking, or coasting with drag).
   */
  public double wheelPowerW(double fromKmh, double toKmh) {
    double v0 = fromKmh / 3.6;
    double v1 = toKmh / 3.6;
    double vMean = 0.5 * (v0 + v1);
    double inertia = massKg * (v1 - v0);
    double resist = vMean > 0.05 ? resistanceN(vMean) : 0;
    return (inertia + resist) * vMean;
  }

  /** Drag plus rolling resistance at {@code speedMs}, newtons. */
  public double resistanceN(double speedMs) {
    return 0.5 * AIR_DENSITY * dragAreaM2 * speedMs * speedMs + rollingResistance * massKg * G;
  }

  /** Vehicle mass used, kg. */
  public double massKg() {
    return massKg;
  }
}
