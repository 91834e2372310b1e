package io.fleetcare.simulator.replay;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Converts a log's units to the unit of the VSS signal it maps to. Only conversions between units
 * of the same quantity exist; asking for another pair is a mapping error.
 */
final class UnitConversion {
  private record Unit(String quantity, DoubleUnaryOperator toBase, DoubleUnaryOperator fromBase) {}

  private static Unit linear(String quantity, double factorToBase) {
    return new Unit(quantity, v -> v * factorToBase, v -> v / factorToBase);
  }

  private static final Map<String, Unit> UNITS =
      Map.ofEntries(
          Map.entry("km/h", linear("speed", 1)),
          Map.entry("mph", linear("speed", 1.609344)),
          Map.entry("m/s", linear("speed", 3.6)),
          Map.entry("m", linear("distance", 1)),
          Map.entry("km", linear("distance", 1000)),
          Map.entry("mi", linear("distance", 1609.344)),
          Map.entry("rpm", linear("rotation", 1)),
          Map.entry("l/h", linear("volume-flow", 1)),
          Map.entry("gal/h", linear("volume-flow", 3.785411784)),
          Map.entry("g/s", linear("mass-flow", 1)),
          Map.entry("kg/h", linear("mass-flow", 1000 / 3600.0)),
          Map.entry("lb/min", linear("mass-flow", 453.59237 / 60)),
          Map.entry("percent", linear("ratio", 1)),
          Map.entry("%", linear("ratio", 1)),
          Map.entry("fraction", linear("ratio", 100)),
          Map.entry("V", linear("voltage", 1)),
          Map.entry("mV", linear("voltage", 0.001)),
          Map.entry("A", linear("current", 1)),
          Map.entry("kPa", linear("pressure", 1)),
          Map.entry("bar", linear("pressure", 100)),
          Map.entry("psi", linear("pressure", 6.894757)),
          Map.entry("mm", linear("length", 1)),
          Map.entry("s", linear("time", 1)),
          Map.entry("min", linear("time", 60)),
          Map.entry("degrees", linear("angle", 1)),
          Map.entry("celsius", linear("temperature", 1)),
          Map.entry(
              "fahrenheit", new Unit("temperature", f -> (f - 32) * 5 / 9, c -> c * 9 / 5 + 32)),
          Map.entry("kelvin", new Unit("temperature", k -> k - 273.15, c -> c + 273.15)));

  private UnitConversion() {}

  /** A function from {@code from} to {@code to}; throws for unknown or incompatible units. */
  static DoubleUnaryOperator between(String from, String to) {
    Unit source = unit(from);
    Unit target = unit(to);
    if (!source.quantity().equals(target.quantity())) {
      throw new IllegalArgumentException(
          "cannot convert "
              + from
              + " ("
              + source.quantity()
              + ") to "
              + to
              + " ("
              + target.quantity()
              + ")");
    }
    if (source == target) {
      return DoubleUnaryOperator.identity();
    }
    return source.toBase().andThen(target.fromBase());
  }

  private static Unit unit(String name) {
    Unit unit = UNITS.get(name);
    if (unit == null) {
      unit = UNITS.get(name.toLowerCase(Locale.ROOT));
    }
    if (unit == null) {
      throw new IllegalArgumentException(
          "unknown unit '" + name + "'; known: " + UNITS.keySet().stream().sorted().toList());
    }
    return unit;
  }
}
