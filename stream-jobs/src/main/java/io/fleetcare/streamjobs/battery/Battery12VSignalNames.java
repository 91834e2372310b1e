package io.fleetcare.streamjobs.battery;

/** Indicator names this package emits beyond {@code SignalNames} (same conventions). */
public final class Battery12VSignalNames {
  /** Trend of the per-trip charging voltage, V per 30 days (a sagging alternator). */
  public static final String BATTERY_CHARGING_TREND_V_PER_30D =
      "battery12v.charging_trend_v_per_30d";

  /** Usable traction-battery capacity measured over a state-of-charge swing, kWh. */
  public static final String TRACTION_CAPACITY_KWH = "traction.capacity_kwh";

  private Battery12VSignalNames() {}
}
