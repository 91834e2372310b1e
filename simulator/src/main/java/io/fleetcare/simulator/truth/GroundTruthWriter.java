package io.fleetcare.simulator.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes ground truth as JSON lines, one {@link GroundTruthRecord} per line, and the options of the
 * run next to it as {@code <name>.config.json} (the file name without {@code .jsonl}).
 *
 * <p>A line: {@code {"vin":…,"component":"BRAKE_PADS","kind":"THRESHOLD_CROSSED","threshold":"pad
 * wear >= 100 %","ts":1767600000000,"time":"2026-01-05T08:00:00Z","value":100.0,"odometerKm":
 * 48211.4,"detail":"Row1.Wheel.Left"}}; {@code value} is null when not applicable.
 */
public final class GroundTruthWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private GroundTruthWriter() {}

  /** Writes {@code records} to {@code file} and the options to its config file. */
  public static void write(Path file, SimulatorOptions options, List<GroundTruthRecord> records)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (GroundTruthRecord r : records) {
        writeRecord(out, r);
        out.write('\n');
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(configFile(file), StandardCharsets.UTF_8)) {
      writeOptions(out, options);
      out.write('\n');
    }
  }

  /** Where the options of a run with ground truth in {@code file} are written. */
  public static Path configFile(Path file) {
    String name = file.getFileName().toString();
    String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return file.resolveSibling(base + ".config.json");
  }

  private static void writeRecord(Writer out, GroundTruthRecord r) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("vin", r.vin());
      g.writeStringField("component", r.component());
      g.writeStringField("kind", r.kind().name());
      g.writeStringField("threshold", r.threshold());
      g.writeNumberField("ts", r.tsMs());
      g.writeStringField("time", Instant.ofEpochMilli(r.tsMs()).toString());
      if (Double.isNaN(r.value())) {
        g.writeNullField("value");
      } else {
        g.writeNumberField("value", r.value());
      }
      g.writeNumberField("odometerKm", r.odometerKm());
      g.writeStringField("detail", r.detail());
      g.writeEndObject();
    }
  }

  private static void writeOptions(Writer out, SimulatorOptions o) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("seed", o.seed());
      g.writeNumberField("vehicles", o.vehicles());
      g.writeNumberField("days", o.days());
      g.writeStringField("start", o.start().toString());
      g.writeNumberField("samplesPerMessage", o.samplesPerMessage());
      g.writeNumberField("sampleIntervalS", o.sampleIntervalS());
      g.writeNumberField("hybridShare", o.hybridShare());
      g.writeNumberField("electricShare", o.electricShare());
      g.writeNumberField("slowSignalPeriodS", o.slowSignalPeriodS());
      g.writeNumberField("maxMessagesPerSecond", o.maxMessagesPerSecond());
      g.writeBooleanField("publishServiceEvents", o.publishServiceEvents());
      GatewayFaultOptions f = o.faults();
      g.writeObjectFieldStart("faults");
      g.writeNumberField("duplicateRate", f.duplicateRate());
      g.writeNumberField("outOfOrderRate", f.outOfOrderRate());
      g.writeNumberField("lateRate", f.lateRate());
      g.writeNumberField("lateDelayS", f.lateDelayS());
      g.writeNumberField("dropRate", f.dropRate());
      g.writeNumberField("clockSkewRate", f.clockSkewRate());
      g.writeNumberField("clockSkewS", f.clockSkewS());
      g.writeNumberField("malformedRate", f.malformedRate());
      g.writeNumberField("vinMismatchRate", f.vinMismatchRate());
      g.writeEndObject();
      g.writeObjectFieldStart("serviceThresholds");
      g.writeStringField("BRAKE_PADS", "pad wear >= 100 %");
      g.writeStringField("BATTERY_12V", "cranking < 9.6 V");
      g.writeStringField("TYRES", "pressure < 75 % of nominal, or tread < 3 mm");
      g.writeStringField("ENGINE_DEPOSITS", "fuel use +15 % over baseline");
      g.writeStringField("TRACTION_BATTERY", "state of health < 80 %");
      g.writeStringField("MILEAGE_SERVICE", "every 10,000 km");
      g.writeStringField("FAULT_CODE", "DTC set");
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
