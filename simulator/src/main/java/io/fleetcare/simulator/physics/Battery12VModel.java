package io.fleetcare.simulator.physics;

/**
 * The 12 V lead-acid starter battery.
 *
 * <ul>
 *   <li>Rest voltage from state of charge: 11.8 V empty to 12.7 V full (the usual open-circuit
 *       table).
 *   <li>Cranking: the starter draws 120–180 A (more in the cold); the terminal voltage dips by
 *       current × internal resistance. Resistance grows as capacity is lost (÷ capacity^1.5), in
 *       the cold and at low charge. Below 9.6 V the battery needs service; below 7 V the engine
 *       does not start.
 *   <li>Charging while running: the alternator holds ~14.1 V (temperature-compensated), but a
 *       lead-acid battery accepts charge slowly, so the state of charge approaches full with a time
 *       constant of ~3 hours: short trips never fully recharge it.
 *   <li>Parked: a 30 mA quiescent drain, about 1.2 % a day.
 *   <li>Ageing: calendar loss per year at 25 °C doubling every 10 °C, plus sulfation proportional
 *       to how far below 90 % charge the battery sits.
 * </ul>
 */
public final class Battery12VModel {
  /** Below this cranking voltage the battery needs service (DESIGN.md prediction contract). */
  public static final double SERVICE_THRESHOLD_V = 9.6;

  /** Below this the starter cannot turn the engine. */
  public static final double NO_START_V = 7.0;

  private static final double SECONDS_PER_YEAR = 365.25 * 86_400;
  private static final double CHARGE_TIME_CONSTANT_S = 3 * 3600;
  private static final double PARKED_DRAIN_PER_DAY = 0.012;
  private static final double CRANK_DRAIN = 0.001;

  private final double fadePerYear;
  private final double sulfationPerYear;
  private final double crankCurrentA;
  private final double resistanceNewOhm;
  private final double displacementL;
  private double capacity;
  private double soc = 0.92;

  /**
   * @param capacity capacity as a fraction of new
   * @param fadePerYear calendar loss per year at 25 °C
   * @param sulfationPerYear loss per year per unit of charge deficit below 90 %
   * @param crankCurrentA starter current at 20 °C for a 1.5 L engine
   * @param resistanceNewOhm internal resistance when new at 20 °C
   * @param displacementL engine displacement (bigger engines draw more starter current)
   */
  public Battery12VModel(
      double capacity,
      double fadePerYear,
      double sulfationPerYear,
      double crankCurrentA,
      double resistanceNewOhm,
      double displacementL) {
    this.capacity = capacity;
    this.fadePerYear = fadePerYear;
    this.sulfationPerYear = sulfationPerYear;
    this.crankCurrentA = crankCurrentA;
    this.resistanceNewOhm = resistanceNewOhm;
    this.displacementL = displacementL;
  }

  /** Open-circuit (resting) voltage, V. */
  public double restingV() {
    return 11.8 + 0.9 * soc;
  }

  /** The lowest terminal voltage while cranking at {@code ambientC}, V (before noise). */
  public double crankingMinV(double ambientC) {
    double cold = Math.max(0, 20 - ambientC);
    double current = crankCurrentA * (0.85 + 0.1 * displacementL) * (1 + 0.008 * cold);
    double resistance =
        resistanceNewOhm / Math.pow(capacity, 1.5) * (1 + 0.008 * cold) * (1 + 0.6 * (1 - soc));
    return restingV() - current * resistance;
  }

  /** Takes the charge a start costs. */
  public void crank() {
    soc = Math.max(0, soc - CRANK_DRAIN / capacity);
  }

  /** Charges for {@code seconds} of running; {@code chargeV} below 13.2 V barely charges. */
  public void charge(double seconds, double chargeV) {
    double acceptance = Math.max(0, Math.min(1, (chargeV - 12.9) / 1.0));
    soc += (1 - soc) * acceptance * seconds / CHARGE_TIME_CONSTANT_S;
  }

  /** Parks for {@code seconds} at about {@code temperatureC}: quiescent drain and ageing. */
  public void park(double seconds, double temperatureC) {
    soc = Math.max(0.05, soc - PARKED_DRAIN_PER_DAY / capacity * seconds / 86_400);
    age(seconds, temperatureC);
  }

  /** Ages the battery by {@code seconds} at {@code temperatureC}. */
  public void age(double seconds, double temperatureC) {
    double years = seconds / SECONDS_PER_YEAR;
    double calendar = fadePerYear * Math.pow(2, (temperatureC - 25) / 10);
    double sulfation = sulfationPerYear * Math.max(0, 0.9 - soc);
    capacity = Math.max(0.2, capacity - (calendar + sulfation) * years);
  }

  /** Replaces the battery with a new, charged one. */
  public void replace() {
    capacity = 1.0;
    soc = 0.95;
  }

  /** Charging voltage of a healthy alternator at {@code ambientC}, V. */
  public static double chargingV(double ambientC) {
    return 14.1 + Math.max(-0.25, Math.min(0.3, (20 - ambientC) * 0.012));
  }

  public double capacity() {
    return capacity;
  }

  public double soc() {
    return soc;
  }
}
