package io.fleetcare.simulator.physics;

/**
 * A traction battery: state of charge, pack voltage and current, and state-of-health fade.
 *
 * <p>Voltage follows a linear open-circuit curve (90 %..105 % of nominal from empty to full) minus
 * an internal-resistance drop. Fade is calendar ageing (per year at 25 °C, doubling every 10 °C, a
 * common Arrhenius rule of thumb) plus cycle ageing per full equivalent cycle.
 */
public final class TractionBatteryModel {
  private static final double SECONDS_PER_YEAR = 365.25 * 86_400;

  private final double capacityNewKWh;
  private final double nominalV;
  private final double resistanceOhm;
  private final double fadePerYear;
  private final double fadePerCycle;
  private double socPercent;
  private double sohPercent;
  private double currentA;
  private double voltageV;

  /**
   * @param capacityNewKWh usable capacity when new, kWh
   * @param nominalV nominal pack voltage, V
   * @param initialSocPercent state of charge at the start
   * @param initialSohPercent state of health at the start
   * @param fadePerYear calendar fade at 25 °C, percentage points per year
   * @param fadePerCycle cycle fade, percentage points per full equivalent cycle
   */
  public TractionBatteryModel(
      double capacityNewKWh,
      double nominalV,
      double initialSocPercent,
      double initialSohPercent,
      double fadePerYear,
      double fadePerCycle) {
    this.capacityNewKWh = capacityNewKWh;
    this.nominalV = nominalV;
    // A 96-cell pack of ~1.5 mOhm cells in series plus cabling; smaller packs scale up.
    this.resistanceOhm = 0.12 * Math.sqrt(60.0 / Math.max(1, capacityNewKWh)) * nominalV / 360.0;
    this.fadePerYear = fadePerYear;
    this.fadePerCycle = fadePerCycle;
    this.socPercent = initialSocPercent;
    this.sohPercent = initialSohPercent;
    this.voltageV = openCircuitV();
  }

  /**
   * Draws {@code powerW} (negative = charging, e.g. regeneration) for one second; returns the
   * energy actually moved, in joules (positive = discharge).
   */
  public double draw(double powerW) {
    double ocv = openCircuitV();
    // I from P = I (OCV - I R), the smaller root.
    double disc = ocv * ocv - 4 * resistanceOhm * powerW;
    double current = disc > 0 ? (ocv - Math.sqrt(disc)) / (2 * resistanceOhm) : powerW / ocv;
    currentA = current;
    voltageV = ocv - current * resistanceOhm;
    double energyJ = current * ocv; // charge moved times OCV: the stored-energy change
    double capacityJ = capacityKWh() * 3.6e6;
    socPercent = Math.max(0, Math.min(100, socPercent - energyJ / capacityJ * 100));
    sohPercent -= fadePerCycle * Math.abs(energyJ) / (2 * capacityJ);
    return energyJ;
  }

  /** Ages the battery by calendar time at {@code temperatureC}. */
  public void age(double seconds, double temperatureC) {
    sohPercent -= fadePerYear * Math.pow(2, (temperatureC - 25) / 10) * seconds / SECONDS_PER_YEAR;
  }

  /** Sets the state of charge (after charging). */
  public void charge(double toSocPercent) {
    socPercent = Math.max(socPercent, Math.min(100, toSocPercent));
    currentA = 0;
    voltageV = openCircuitV();
  }

  /** Marks the battery at rest (no current). */
  public void rest() {
    currentA = 0;
    voltageV = openCircuitV();
  }

  private double openCircuitV() {
    return nominalV * (0.90 + 0.15 * socPercent / 100);
  }

  /** Usable capacity now, kWh. */
  public double capacityKWh() {
    return capacityNewKWh * sohPercent / 100;
  }

  public double socPercent() {
    return socPercent;
  }

  public double sohPercent() {
    return sohPercent;
  }

  /** Current of the last second, A, positive = discharge. */
  public double currentA() {
    return currentA;
  }

  /** Terminal voltage of the last second, V. */
  public double voltageV() {
    return voltageV;
  }
}
