package io.fleetcare.simulator.physics;

/**
 * Intake-valve and injector deposits raise fuel use. Deposits build per engine hour, several times
 * faster while the engine is below operating temperature (fuel condenses on cold surfaces and
 * blow-by is higher), so cars that mostly make short trips foul faster. The fuel multiplier is
 * {@code factor}; the service threshold is 15 % above the factor at the start of the simulation
 * (the car's own baseline as a stream can observe it) or after the last cleaning.
 */
public final class EngineDepositModel {
  /** Relative fuel-use increase over the baseline that calls for service. */
  public static final double SERVICE_THRESHOLD = 0.15;

  private static final double OPERATING_TEMPERATURE_C = 70;

  private final double perColdHour;
  private final double perWarmHour;
  private double factor;
  private double baseline;

  public EngineDepositModel(double initialFactor, double perColdHour, double perWarmHour) {
    this.factor = initialFactor;
    this.baseline = initialFactor;
    this.perColdHour = perColdHour;
    this.perWarmHour = perWarmHour;
  }

  /** One second of running with coolant at {@code coolantC}. */
  public void run(double coolantC) {
    factor += (coolantC < OPERATING_TEMPERATURE_C ? perColdHour : perWarmHour) / 3600.0;
  }

  /** Fuel-use multiplier from deposits (1 = clean). */
  public double factor() {
    return factor;
  }

  /** Fuel-use increase over the baseline, as a fraction. */
  public double increaseOverBaseline() {
    return factor / baseline - 1;
  }

  /** A fuel-system cleaning: deposits gone, new baseline. */
  public void clean() {
    factor = 1.0;
    baseline = 1.0;
  }
}
