package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.Indicator;

/**
 * How the trend of an indicator is read.
 *
 * @param windowDays days of history the trend line is fitted to
 * @param scale a typical range of the indicator, to put features of different units on one scale
 * @param nearMargin distance to the threshold (indicator units) within which a forecast is always
 *     worth a closer look, whatever the trend says
 * @param resetJump a step away from the threshold larger than this starts a new segment (a part
 *     replaced, tyres pumped up); infinite when only a service event resets
 */
public record IndicatorSettings(
    double windowDays, double scale, double nearMargin, double resetJump) {

  /** The settings of {@code indicator}. */
  public static IndicatorSettings of(Indicator indicator) {
    return switch (indicator) {
      case PAD_WEAR_PERCENT -> new IndicatorSettings(45, 10, 10, 10);
      case CRANKING_MIN_V -> new IndicatorSettings(30, 0.5, 0.6, Double.POSITIVE_INFINITY);
      case TYRE_PRESSURE_RATIO -> new IndicatorSettings(21, 0.05, 0.06, 0.08);
      case TREAD_DEPTH_MM -> new IndicatorSettings(90, 0.5, 0.6, 1.0);
      case FUEL_DRIFT_PERCENT -> new IndicatorSettings(45, 5, 5, Double.POSITIVE_INFINITY);
      case TRACTION_SOH_PERCENT -> new IndicatorSettings(120, 1, 1.5, Double.POSITIVE_INFINITY);
      case ODOMETER_KM -> new IndicatorSettings(28, 1000, 1500, Double.POSITIVE_INFINITY);
    };
  }
}
