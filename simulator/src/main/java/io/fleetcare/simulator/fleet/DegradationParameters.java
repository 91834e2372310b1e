package io.fleetcare.simulator.fleet;

import java.util.List;

/**
 * How fast one vehicle's parts age, and the state they start the simulation in. Every value varies
 * per vehicle so a fleet contains early and late failures.
 *
 * @param padWearPercentPerMJ pad wear added per MJ of friction-braking energy dissipated at that
 *     wheel, per wheel in {@code SignalCatalogue.WHEELS} order
 * @param initialPadWearPercent pad wear at the start, per wheel
 * @param battery12vCapacity 12 V battery capacity at the start as a fraction of new
 * @param battery12vFadePerYear calendar capacity loss per year at 25 °C (doubles every 10 °C)
 * @param battery12vSulfationPerYear extra capacity loss per year per unit of charge deficit below
 *     90 % state of charge (short trips never recharge the battery)
 * @param crankCurrentA starter current at 20 °C, A
 * @param battery12vResistanceOhm internal resistance of the new battery at 20 °C, ohm
 * @param depositFactor fuel-use multiplier from engine deposits at the start (1 = clean)
 * @param depositPerColdHour deposit factor added per engine hour below operating temperature
 * @param depositPerWarmHour deposit factor added per engine hour at operating temperature
 * @param tyreNominalKPa nominal cold tyre pressure, kPa
 * @param initialTreadMm tread depth at the start, per wheel, mm
 * @param treadWearMmPer1000Km tread lost per 1000 km of gentle driving
 * @param tyreSeepPercentPerMonth natural pressure loss of a sound tyre, percent per month
 * @param slowLeakWheel wheel index (0..3) that develops a slow leak, or -1
 * @param slowLeakStartDay day of the simulation the leak starts
 * @param slowLeakKPaPerDay pressure lost per day by the leaking tyre
 * @param initialStateOfHealthPercent traction-battery state of health at the start
 * @param sohFadePerYear calendar state-of-health loss per year at 25 °C, percentage points
 * @param sohFadePerCycle state-of-health loss per full equivalent cycle, percentage points
 * @param faults fault codes that will appear, with their precursors
 */
public record DegradationParameters(
    double[] padWearPercentPerMJ,
    double[] initialPadWearPercent,
    double battery12vCapacity,
    double battery12vFadePerYear,
    double battery12vSulfationPerYear,
    double crankCurrentA,
    double battery12vResistanceOhm,
    double depositFactor,
    double depositPerColdHour,
    double depositPerWarmHour,
    double tyreNominalKPa,
    double[] initialTreadMm,
    double treadWearMmPer1000Km,
    double tyreSeepPercentPerMonth,
    int slowLeakWheel,
    double slowLeakStartDay,
    double slowLeakKPaPerDay,
    double initialStateOfHealthPercent,
    double sohFadePerYear,
    double sohFadePerCycle,
    List<FaultPlan> faults) {
  public DegradationParameters {
    padWearPercentPerMJ = padWearPercentPerMJ.clone();
    initialPadWearPercent = initialPadWearPercent.clone();
    initialTreadMm = initialTreadMm.clone();
    faults = List.copyOf(faults);
  }

  @Override
  public double[] padWearPercentPerMJ() {
    return padWearPercentPerMJ.clone();
  }

  @Override
  public double[] initialPadWearPercent() {
    return initialPadWearPercent.clone();
  }

  @Override
  public double[] initialTreadMm() {
    return initialTreadMm.clone();
  }
}
