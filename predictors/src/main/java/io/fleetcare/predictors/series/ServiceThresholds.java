package io.fleetcare.predictors.series;

/**
 * The service thresholds of DESIGN.md ("Prediction contract"); validated at construction.
 *
 * @param padWearPercent pads need service at this wear, percent (default 100, VSS: 100 = worn)
 * @param crankingMinV a 12 V battery needs service when a start cranks below this, volts (default
 *     9.6)
 * @param tyrePressureRatio tyres need service below this share of nominal pressure (default 0.75)
 * @param treadDepthMm tyres need service below this tread depth, millimetres (default 3)
 * @param fuelDriftPercent engine deposits need service at this fuel-use increase over the car's
 *     baseline, percent (default 15)
 * @param tractionSohPercent the traction battery needs service below this state of health, percent
 *     (default 80)
 * @param mileageIntervalKm a mileage service is due at every multiple of this, kilometres (default
 *     10,000)
 */
public record ServiceThresholds(
    double padWearPercent,
    double crankingMinV,
    double tyrePressureRatio,
    double treadDepthMm,
    double fuelDriftPercent,
    double tractionSohPercent,
    double mileageIntervalKm) {

  /** The defaults of DESIGN.md. */
  public static final ServiceThresholds DEFAULTS =
      new ServiceThresholds(100, 9.6, 0.75, 3, 15, 80, 10_000);

  public ServiceThresholds {
    positive(padWearPercent, "padWearPercent");
    positive(crankingMinV, "crankingMinV");
    positive(tyrePressureRatio, "tyrePressureRatio");
    if (tyrePressureRatio >= 1) {
      throw new IllegalArgumentException(
          "tyrePressureRatio must be below 1, was " + tyrePressureRatio);
    }
    positive(treadDepthMm, "treadDepthMm");
    positive(fuelDriftPercent, "fuelDriftPercent");
    positive(tractionSohPercent, "tractionSohPercent");
    positive(mileageIntervalKm, "mileageIntervalKm");
  }

  /**
   * The threshold {@code indicator} crosses next when it now reads {@code current}: a constant,
   * except for the odometer, whose next threshold is the next multiple of the mileage interval.
   */
  public double threshold(Indicator indicator, double current) {
    return switch (indicator) {
      case PAD_WEAR_PERCENT -> padWearPercent;
      case CRANKING_MIN_V -> crankingMinV;
      case TYRE_PRESSURE_RATIO -> tyrePressureRatio;
      case TREAD_DEPTH_MM -> treadDepthMm;
      case FUEL_DRIFT_PERCENT -> fuelDriftPercent;
      case TRACTION_SOH_PERCENT -> tractionSohPercent;
      case ODOMETER_KM -> (Math.floor(current / mileageIntervalKm) + 1) * mileageIntervalKm;
    };
  }

  /** Whether {@code value} is past {@code threshold} for {@code indicator}. */
  public static boolean crossed(Indicator indicator, double value, double threshold) {
    return indicator.rising() ? value >= threshold : value < threshold;
  }

  private static void positive(double v, String name) {
    if (!(Double.isFinite(v) && v > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, was " + v);
    }
  }
}
