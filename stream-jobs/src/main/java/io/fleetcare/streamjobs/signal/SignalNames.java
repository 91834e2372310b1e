package io.fleetcare.streamjobs.signal;

/**
 * Names of the derived indicators in {@code vehicle_signal}; the suffix is the unit. Wheel-level
 * indicators end in the wheel, e.g. {@code tyre.tread_mm.Row1.Left}.
 */
public final class SignalNames {
  // Fuel
  public static final String FUEL_TRIP_L_PER_100KM = "fuel.trip_l_per_100km";
  public static final String FUEL_BASELINE_L_PER_100KM = "fuel.baseline_l_per_100km";
  public static final String FUEL_DRIFT_30D_PCT = "fuel.drift_30d_pct";
  public static final String FUEL_DRIFT_90D_PCT = "fuel.drift_90d_pct";
  // 12 V battery
  public static final String BATTERY_RESTING_V = "battery12v.resting_v";
  public static final String BATTERY_CRANKING_MIN_V = "battery12v.cranking_min_v";
  public static final String BATTERY_CHARGING_V = "battery12v.charging_v";
  public static final String BATTERY_CRANKING_TREND_V_PER_30D =
      "battery12v.cranking_trend_v_per_30d";
  public static final String BATTERY_RESTING_TREND_V_PER_30D = "battery12v.resting_trend_v_per_30d";

  /** Trend of the per-trip charging voltage, V per 30 days (a sagging alternator). */
  public static final String BATTERY_CHARGING_TREND_V_PER_30D =
      "battery12v.charging_trend_v_per_30d";

  // Traction battery
  public static final String TRACTION_SOH_PCT = "traction.soh_pct";
  public static final String TRACTION_SOH_TREND_PCT_PER_30D = "traction.soh_trend_pct_per_30d";

  /** Usable traction-battery capacity measured over a state-of-charge swing, kWh. */
  public static final String TRACTION_CAPACITY_KWH = "traction.capacity_kwh";

  // Brakes
  public static final String BRAKE_PAD_WEAR_PCT = "brake.pad_wear_pct";
  public static final String BRAKE_PAD_WEAR_ESTIMATED_PCT = "brake.pad_wear_estimated_pct";

  /** Wear accrued since the car was first seen, for cars with no known starting point, %. */
  public static final String BRAKE_PAD_WEAR_ACCRUED_PCT = "brake.pad_wear_accrued_pct";

  /**
   * Friction-braking energy since the car was first seen (not reset by a pad change), MJ: what the
   * wear estimate is built on, comparable across cars and with a simulator's physics.
   */
  public static final String BRAKE_FRICTION_ENERGY_MJ = "brake.friction_energy_mj";

  // Tyres (per wheel: append ".Row1.Left" etc.)
  public static final String TYRE_TREAD_MM = "tyre.tread_mm";

  /** Tread worn since the car was first seen, for tyres with no known starting depth, mm. */
  public static final String TYRE_TREAD_WORN_MM = "tyre.tread_worn_mm";

  public static final String TYRE_PRESSURE_KPA = "tyre.pressure_kpa";
  public static final String TYRE_PRESSURE_TREND_KPA_PER_DAY = "tyre.pressure_trend_kpa_per_day";
  // Mileage
  public static final String ODOMETER_KM = "mileage.odometer_km";
  public static final String KM_PER_DAY = "mileage.km_per_day";
  public static final String DAYS_TO_NEXT_SERVICE = "mileage.days_to_next_service";

  private SignalNames() {}

  /** The wheel-level name, e.g. {@code perWheel(TYRE_TREAD_MM, "Row1.Wheel.Left")}. */
  public static String perWheel(String name, String wheel) {
    return name + "." + wheel.replace(".Wheel", "");
  }
}
