package io.fleetcare.simulator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcare.core.signal.Signal;
import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleProfile.FuelType;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * How to read one kind of recorded log: which columns become which VSS signals in which units,
 * where event time comes from, and the vehicle facts the log lacks. Read from YAML; the format is
 * documented in {@code docs/replay-mapping.md}.
 *
 * @param delimiter the column separator
 * @param carryForward whether a blank cell repeats the column's last value (logs that write only
 *     the column that changed); otherwise a blank cell leaves the signal out of that sample
 * @param time where event time comes from
 * @param vehicle facts for the retained profile
 * @param signals the mapped columns, in publishing order
 */
public record ReplayMapping(
    char delimiter,
    boolean carryForward,
    TimeSpec time,
    VehicleFacts vehicle,
    List<ColumnMapping> signals) {
  public ReplayMapping {
    signals = List.copyOf(signals);
    if (signals.isEmpty()) {
      throw new IllegalArgumentException("a mapping needs at least one signal");
    }
  }

  /**
   * Where event time comes from.
   *
   * @param source the kind of time source
   * @param column the time column (null for {@link TimeSource#FIXED_RATE})
   * @param intervalS seconds between rows for {@link TimeSource#FIXED_RATE}
   * @param dateColumn column with the date ({@code yyyy-MM-dd}) for {@link TimeSource#TIME_OF_DAY},
   *     or null to use {@code date}
   * @param date the date for {@link TimeSource#TIME_OF_DAY} without a date column, or null for the
   *     replay's start date
   * @param zone zone of times of day and dates (default UTC)
   */
  public record TimeSpec(
      TimeSource source,
      String column,
      double intervalS,
      String dateColumn,
      LocalDate date,
      ZoneId zone) {
    public TimeSpec {
      if (source != TimeSource.FIXED_RATE && (column == null || column.isBlank())) {
        throw new IllegalArgumentException("time.column is required for time source " + source);
      }
      if (source == TimeSource.FIXED_RATE && !(intervalS > 0)) {
        throw new IllegalArgumentException(
            "time.intervalS must be > 0 for fixed-rate, was " + intervalS);
      }
    }
  }

  /** Facts the stream cannot tell, for the retained profile (same fields as the wire profile). */
  public record VehicleFacts(
      Powertrain powertrain,
      FuelType fuel,
      double engineDisplacementL,
      double massKg,
      int modelYear,
      String dealerId,
      boolean hasPadWearSensor) {}

  /**
   * One mapped column: {@code value = convert(raw × scale + offset)} from {@code unit} to the
   * signal's catalogue unit.
   *
   * @param column header name (compared after trimming)
   * @param path VSS path published
   * @param unit the column's unit
   * @param scale multiplier applied first (default 1)
   * @param offset added after scaling (default 0)
   */
  public record ColumnMapping(
      String column, String path, String unit, double scale, double offset) {
    /** The conversion from the raw cell value to the published value. */
    public DoubleUnaryOperator converter() {
      Optional<Signal> signal = SignalCatalogue.find(path);
      DoubleUnaryOperator units =
          signal.isPresent()
              ? UnitConversion.between(unit, signal.get().unit())
              : DoubleUnaryOperator.identity();
      double s = scale;
      double o = offset;
      return raw -> units.applyAsDouble(raw * s + o);
    }
  }

  /** Reads a mapping from a YAML file. */
  public static ReplayMapping read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads a mapping shipped as a classpath resource, e.g. {@code mappings/carobd.yaml}. */
  public static ReplayMapping resource(String name) throws IOException {
    try (InputStream in = ReplayMapping.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no mapping resource " + name);
      }
      return read(in, name);
    }
  }

  /** The mapping for the carOBD logs, shipped with the simulator. */
  public static ReplayMapping carObd() throws IOException {
    return resource("mappings/carobd.yaml");
  }

  private static ReplayMapping read(InputStream in, String where) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static ReplayMapping parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "a mapping is a YAML mapping with time, vehicle and signals");
    }
    String delimiter = text(root, "delimiter", ",");
    if (delimiter.length() != 1) {
      throw new IllegalArgumentException(
          "delimiter must be one character, was '" + delimiter + "'");
    }
    JsonNode time = required(root, "time");
    TimeSpec timeSpec =
        new TimeSpec(
            TimeSource.parse(text(time, "source", "fixed-rate")),
            text(time, "column", null),
            time.path("intervalS").asDouble(1),
            text(time, "dateColumn", null),
            time.hasNonNull("date") ? LocalDate.parse(time.get("date").asText()) : null,
            ZoneId.of(text(time, "zone", "UTC")));
    JsonNode v = required(root, "vehicle");
    VehicleFacts facts =
        new VehicleFacts(
            Powertrain.valueOf(text(v, "powertrain", "ICE").toUpperCase(Locale.ROOT)),
            FuelType.valueOf(text(v, "fuel", "petrol").toUpperCase(Locale.ROOT)),
            v.path("engineDisplacementL").asDouble(0),
            positive(v, "massKg"),
            v.path("modelYear").asInt(2020),
            text(v, "dealerId", "D001"),
            v.path("hasPadWearSensor").asBoolean(false));
    List<ColumnMapping> signals = new ArrayList<>();
    JsonNode list = required(root, "signals");
    for (JsonNode s : list) {
      ColumnMapping mapping =
          new ColumnMapping(
              requiredText(s, "column"),
              requiredText(s, "path"),
              requiredText(s, "unit"),
              s.path("scale").asDouble(1),
              s.path("offset").asDouble(0));
      mapping.converter(); // fails now, not mid-replay, on a bad unit
      signals.add(mapping);
    }
    return new ReplayMapping(
        delimiter.charAt(0), root.path("carryForward").asBoolean(false), timeSpec, facts, signals);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value;
  }

  private static String requiredText(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  private static double positive(JsonNode node, String field) {
    double value = required(node, field).asDouble(-1);
    if (!(value > 0)) {
      throw new IllegalArgumentException(field + " must be > 0");
    }
    return value;
  }
}
