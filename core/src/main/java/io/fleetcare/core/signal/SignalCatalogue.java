package io.fleetcare.core.signal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The signals Fleetcare understands: COVESA VSS 6 paths, units, OBD-II Mode 01 PIDs and plausible
 * ranges. Ranges are the wider of the OBD-II encoding range and the physically possible one; they
 * exist to reject garbage, not to judge a car.
 */
public final class SignalCatalogue {
  public static final String SPEED = "Vehicle.Speed";
  public static final String TRAVELED_DISTANCE = "Vehicle.TraveledDistance";
  public static final String ENGINE_SPEED = "Vehicle.Powertrain.CombustionEngine.Speed";
  public static final String FUEL_RATE = "Vehicle.OBD.FuelRate";
  public static final String MAF = "Vehicle.OBD.MAF";
  public static final String FUEL_LEVEL = "Vehicle.Powertrain.FuelSystem.Level";
  public static final String BATTERY_12V_VOLTAGE = "Vehicle.LowVoltageBattery.CurrentVoltage";
  public static final String CONTROL_MODULE_VOLTAGE = "Vehicle.OBD.ControlModuleVoltage";
  public static final String TRACTION_SOC =
      "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current";
  public static final String TRACTION_CURRENT = "Vehicle.Powertrain.TractionBattery.CurrentCurrent";
  public static final String TRACTION_VOLTAGE = "Vehicle.Powertrain.TractionBattery.CurrentVoltage";
  public static final String TRACTION_SOH = "Vehicle.Powertrain.TractionBattery.StateOfHealth";
  public static final String AIR_TEMPERATURE = "Vehicle.Exterior.AirTemperature";
  public static final String LATITUDE = "Vehicle.CurrentLocation.Latitude";
  public static final String LONGITUDE = "Vehicle.CurrentLocation.Longitude";
  public static final String COOLANT_TEMPERATURE = "Vehicle.OBD.CoolantTemperature";
  public static final String ENGINE_LOAD = "Vehicle.OBD.EngineLoad";
  public static final String THROTTLE_POSITION = "Vehicle.OBD.ThrottlePosition";
  public static final String INTAKE_TEMPERATURE = "Vehicle.OBD.IntakeTemp";
  public static final String INTAKE_PRESSURE = "Vehicle.OBD.MAP";
  public static final String BAROMETRIC_PRESSURE = "Vehicle.OBD.BarometricPressure";
  public static final String SHORT_TERM_FUEL_TRIM = "Vehicle.OBD.ShortTermFuelTrim1";
  public static final String LONG_TERM_FUEL_TRIM = "Vehicle.OBD.LongTermFuelTrim1";
  public static final String TIMING_ADVANCE = "Vehicle.OBD.TimingAdvance";
  public static final String ENGINE_RUN_TIME = "Vehicle.OBD.RunTime";
  public static final String OIL_TEMPERATURE = "Vehicle.OBD.OilTemperature";

  /** The four wheel positions, as used in VSS paths. */
  public static final List<String> WHEELS =
      List.of("Row1.Wheel.Left", "Row1.Wheel.Right", "Row2.Wheel.Left", "Row2.Wheel.Right");

  // Per-wheel paths, built once. Operators look them up for every sample; a path concatenated on
  // each call also needs its hash code computed again for every map lookup (in the bench profile
  // of 2026-12-07 that was most of VehicleSeries.accept in the predictor operator).
  private static final Map<String, String> PAD_WEAR =
      perWheel(wheel -> "Vehicle.Chassis.Axle." + wheel + ".Brake.PadWear");
  private static final Map<String, String> TIRE_PRESSURE =
      perWheel(wheel -> "Vehicle.Chassis.Axle." + wheel + ".Tire.Pressure");
  private static final Map<String, String> TIRE_TEMPERATURE =
      perWheel(wheel -> "Vehicle.Chassis.Axle." + wheel + ".Tire.Temperature");
  private static final Map<String, String> TREAD_DEPTH =
      perWheel(wheel -> "Fleetcare.Tire." + wheel.replace(".Wheel", "") + ".TreadDepth");

  private static final Map<String, Signal> SIGNALS = new LinkedHashMap<>();
  // Insertion-ordered (not Map.of) so aliases() iterates the same way in every JVM.
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    ALIASES.put(CONTROL_MODULE_VOLTAGE, BATTERY_12V_VOLTAGE);
    ALIASES.put("Vehicle.OBD.Speed", SPEED);
    ALIASES.put("Vehicle.OBD.EngineSpeed", ENGINE_SPEED);
    ALIASES.put("Vehicle.OBD.FuelLevel", FUEL_LEVEL);
    ALIASES.put("Vehicle.OBD.AmbientAirTemperature", AIR_TEMPERATURE);
    add(SPEED, "km/h", 0x0D, 0, 500);
    add(TRAVELED_DISTANCE, "m", -1, 0, 1.0e10);
    add(ENGINE_SPEED, "rpm", 0x0C, 0, 16383.75);
    add(FUEL_RATE, "l/h", 0x5E, 0, 3212.75);
    add(MAF, "g/s", 0x10, 0, 655.35);
    add(FUEL_LEVEL, "percent", 0x2F, 0, 100);
    add(BATTERY_12V_VOLTAGE, "V", 0x42, 0, 65.535);
    add(TRACTION_SOC, "percent", -1, 0, 100);
    add(TRACTION_CURRENT, "A", -1, -3000, 3000);
    add(TRACTION_VOLTAGE, "V", -1, 0, 1500);
    add(TRACTION_SOH, "percent", -1, 0, 120);
    for (String wheel : WHEELS) {
      add(padWear(wheel), "percent", -1, 0, 100);
      add(tirePressure(wheel), "kPa", -1, 0, 1000);
      add(tireTemperature(wheel), "celsius", -1, -60, 250);
      add(treadDepth(wheel), "mm", -1, 0, 30);
    }
    add(AIR_TEMPERATURE, "celsius", 0x46, -60, 215);
    SIGNALS.put(LATITUDE, new Signal(LATITUDE, "degrees", OptionalInt.empty(), -90, 90, true));
    SIGNALS.put(LONGITUDE, new Signal(LONGITUDE, "degrees", OptionalInt.empty(), -180, 180, true));
    add(ENGINE_LOAD, "percent", 0x04, 0, 100);
    add(COOLANT_TEMPERATURE, "celsius", 0x05, -40, 215);
    add(SHORT_TERM_FUEL_TRIM, "percent", 0x06, -100, 99.2);
    add(LONG_TERM_FUEL_TRIM, "percent", 0x07, -100, 99.2);
    add(INTAKE_PRESSURE, "kPa", 0x0B, 0, 255);
    add(TIMING_ADVANCE, "degrees", 0x0E, -64, 63.5);
    add(INTAKE_TEMPERATURE, "celsius", 0x0F, -40, 215);
    add(THROTTLE_POSITION, "percent", 0x11, 0, 100);
    add(ENGINE_RUN_TIME, "s", 0x1F, 0, 65535);
    add(BAROMETRIC_PRESSURE, "kPa", 0x33, 0, 255);
    add(OIL_TEMPERATURE, "celsius", 0x5C, -40, 210);
  }

  private SignalCatalogue() {}

  private static Map<String, String> perWheel(UnaryOperator<String> path) {
    Map<String, String> paths = new HashMap<>();
    for (String wheel : WHEELS) {
      paths.put(wheel, path.apply(wheel));
    }
    return Map.copyOf(paths);
  }

  private static void add(String path, String unit, int pid, double min, double max) {
    OptionalInt obdPid = pid < 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    SIGNALS.put(path, new Signal(path, unit, obdPid, min, max, false));
  }

  /** VSS path of the pad-wear signal of a wheel such as {@code Row1.Wheel.Left}. */
  public static String padWear(String wheel) {
    String path = PAD_WEAR.get(wheel);
    return path != null ? path : "Vehicle.Chassis.Axle." + wheel + ".Brake.PadWear";
  }

  /** VSS path of the tyre-pressure signal of a wheel such as {@code Row1.Wheel.Left}. */
  public static String tirePressure(String wheel) {
    String path = TIRE_PRESSURE.get(wheel);
    return path != null ? path : "Vehicle.Chassis.Axle." + wheel + ".Tire.Pressure";
  }

  /** VSS path of the tyre-temperature signal of a wheel such as {@code Row1.Wheel.Left}. */
  public static String tireTemperature(String wheel) {
    String path = TIRE_TEMPERATURE.get(wheel);
    return path != null ? path : "Vehicle.Chassis.Axle." + wheel + ".Tire.Temperature";
  }

  /** Extension path of the tread depth of a wheel such as {@code Row1.Wheel.Left}. */
  public static String treadDepth(String wheel) {
    String path = TREAD_DEPTH.get(wheel);
    return path != null ? path : "Fleetcare.Tire." + wheel.replace(".Wheel", "") + ".TreadDepth";
  }

  /** The canonical path for {@code path}: itself, or the signal an alias stands for. */
  public static String canonical(String path) {
    return ALIASES.getOrDefault(path, path);
  }

  /** True when {@code path} is an accepted alias of another signal. */
  public static boolean isAlias(String path) {
    return ALIASES.containsKey(path);
  }

  /** The signal at {@code path} (aliases resolved), or empty for a signal this version lacks. */
  public static Optional<Signal> find(String path) {
    return Optional.ofNullable(SIGNALS.get(canonical(path)));
  }

  /** Every catalogued signal in a stable order. */
  public static List<Signal> all() {
    return List.copyOf(SIGNALS.values());
  }

  /** Accepted aliases, alias path to canonical path. */
  public static Map<String, String> aliases() {
    return Collections.unmodifiableMap(ALIASES);
  }
}
