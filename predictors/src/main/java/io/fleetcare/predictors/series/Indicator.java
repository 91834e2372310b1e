package io.fleetcare.predictors.series;

/**
 * A condition indicator: the daily value whose trend says when a component needs service.
 *
 * <p>{@link #rising} tells which way it goes towards the threshold (pad wear rises to 100 %, the
 * cranking voltage falls to 9.6 V).
 */
public enum Indicator {
  /** Highest pad wear over the wheels, percent (100 = worn). */
  PAD_WEAR_PERCENT("BRAKE_PADS", "%", true),
  /** Lowest cranking voltage of the day, volts. */
  CRANKING_MIN_V("BATTERY_12V", "V", false),
  /** Lowest tyre pressure of the day over the wheels, as a share of the car's nominal pressure. */
  TYRE_PRESSURE_RATIO("TYRES", "ratio", false),
  /** Lowest tread depth over the wheels, millimetres. */
  TREAD_DEPTH_MM("TYRES", "mm", false),
  /** Condition-normalised fuel use over the car's own baseline, percent. */
  FUEL_DRIFT_PERCENT("ENGINE_DEPOSITS", "%", true),
  /** Traction battery state of health, percent. */
  TRACTION_SOH_PERCENT("TRACTION_BATTERY", "%", false),
  /** Odometer, kilometres. */
  ODOMETER_KM("MILEAGE_SERVICE", "km", true);

  private final String component;
  private final String unit;
  private final boolean rising;

  Indicator(String component, String unit, boolean rising) {
    this.component = component;
    this.unit = unit;
    this.rising = rising;
  }

  /** The work-order type code it predicts. */
  public String component() {
    return component;
  }

  /** Unit of its values. */
  public String unit() {
    return unit;
  }

  /** True when the value rises towards the threshold. */
  public boolean rising() {
    return rising;
  }
}
