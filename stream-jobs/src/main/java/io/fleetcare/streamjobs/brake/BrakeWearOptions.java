package io.fleetcare.streamjobs.brake;

import java.io.Serializable;

/**
 * Physics and priors of the brake-wear estimate. Every figure is a typical value for passenger
 * cars, not a property of any one car; the per-vehicle calibration corrects the rest.
 *
 * @param frontPadLifeKm front-pad life in mixed driving, km (default 50,000)
 * @param rearLifeFactor rear pads last this many times longer (default 2: 70 % of braking is on the
 *     front axle, rear pads are thinner)
 * @param referenceFrictionMJPerKm friction-braking energy of mixed driving for the prior, MJ/km
 *     (default 0.10: a ~1,400 kg car sheds ~25–30 Wh/km at the wheels in a WLTC-like mix)
 * @param driverKg added to the profile's kerb mass, kg (default 80)
 * @param dragAreaM2 drag coefficient × frontal area, m² (default 0.68, a compact car)
 * @param rollingResistance rolling-resistance coefficient (default 0.0105)
 * @param engineBrakingW power an engine in gear absorbs on overrun above 15 km/h, W (default 2,500)
 * @param hybridRegenLimitW braking power a full hybrid's motor-generator can take, W (default
 *     25,000, e.g. a Toyota HSD's MG2 in regeneration)
 * @param electricRegenLimitW braking power a BEV's motor can take, W (default 60,000)
 * @param maxGapS longer gaps between samples are not integrated, s (default 120)
 * @param serviceWearPct wear assumed when pads are replaced, % (default 100: the owner acts on the
 *     wear limit)
 * @param minCalibrationPct wear change (sensor or service) needed before the rate is recalibrated,
 *     percentage points (default 2)
 */
public record BrakeWearOptions(
    double frontPadLifeKm,
    double rearLifeFactor,
    double referenceFrictionMJPerKm,
    double driverKg,
    double dragAreaM2,
    double rollingResistance,
    double engineBrakingW,
    double hybridRegenLimitW,
    double electricRegenLimitW,
    double maxGapS,
    double serviceWearPct,
    double minCalibrationPct)
    implements Serializable {
  public BrakeWearOptions {
    if (frontPadLifeKm <= 0
        || rearLifeFactor <= 0
        || referenceFrictionMJPerKm <= 0
        || driverKg < 0
        || dragAreaM2 < 0
        || rollingResistance < 0
        || engineBrakingW < 0
        || hybridRegenLimitW < 0
        || electricRegenLimitW < 0
        || maxGapS <= 0
        || serviceWearPct <= 0
        || minCalibrationPct <= 0) {
      throw new IllegalArgumentException("invalid brake wear options");
    }
  }

  /** The documented defaults. */
  public static BrakeWearOptions defaults() {
    return new BrakeWearOptions(
        50_000, 2.0, 0.10, 80, 0.68, 0.0105, 2_500, 25_000, 60_000, 120, 100, 2);
  }

  /** Prior front-pad wear per MJ of the vehicle's friction-braking energy, %. */
  public double priorFrontPctPerMJ() {
    return 100 / (frontPadLifeKm * referenceFrictionMJPerKm);
  }

  /** Prior rear-pad wear per MJ of the vehicle's friction-braking energy, %. */
  public double priorRearPctPerMJ() {
    return priorFrontPctPerMJ() / rearLifeFactor;
  }
}
