package io.fleetcare.predictors.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the simulator's ground-truth JSON lines ({@code {"vin","component","kind","threshold","ts",
 * "time","value","odometerKm","detail"}}): {@code THRESHOLD_CROSSED} lines become crossings, {@code
 * SERVICE_PERFORMED} lines services; other kinds ({@code NO_START}, {@code PRECURSOR_STARTED}) are
 * skipped. When the run's {@code <name>.config.json} lies next to it, its {@code start} and {@code
 * days} give the observed period.
 */
public final class GroundTruthReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GroundTruthReader() {}

  /** Reads {@code file}; a malformed line fails with its line number. */
  public static GroundTruth read(Path file) throws IOException {
    List<GroundTruthCrossing> crossings = new ArrayList<>();
    List<ServiceEvent> services = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode j;
        try {
          j = JSON.readTree(line);
        } catch (IOException e) {
          throw new IOException(file + ":" + n + ": not JSON: " + e.getMessage(), e);
        }
        String vin = text(j, "vin", file, n);
        String component = text(j, "component", file, n);
        String kind = text(j, "kind", file, n);
        Instant at = time(j, file, n);
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
        switch (kind) {
          case "THRESHOLD_CROSSED" ->
              crossings.add(
                  new GroundTruthCrossing(vin, component, at, j.path("threshold").asText("")));
          case "SERVICE_PERFORMED" -> services.add(new ServiceEvent(vin, component, at));
          default -> {}
        }
      }
    }
    Instant start = first;
    Instant end = null;
    Path config = configFile(file);
    if (Files.isRegularFile(config)) {
      JsonNode c = JSON.readTree(config.toFile());
      if (c.hasNonNull("start") && c.hasNonNull("days")) {
        start = Instant.parse(c.get("start").asText());
        end = start.plusMillis(Math.round(c.get("days").asDouble() * 86_400_000.0));
      }
    }
    return new GroundTruth(crossings, services, start, end);
  }

  /** {@code <name>.config.json} for {@code <name>.jsonl}. */
  static Path configFile(Path file) {
    String name = file.getFileName().toString();
    String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return file.resolveSibling(base + ".config.json");
  }

  private static String text(JsonNode j, String field, Path file, int line) throws IOException {
    JsonNode v = j.get(field);
    if (v == null || !v.isTextual()) {
      throw new IOException(file + ":" + line + ": missing text field '" + field + "'");
    }
    return v.asText();
  }

  private static Instant time(JsonNode j, Path file, int line) throws IOException {
    if (j.hasNonNull("ts") && j.get("ts").isNumber()) {
      return Instant.ofEpochMilli(j.get("ts").asLong());
    }
    if (j.hasNonNull("time")) {
      return Instant.parse(j.get("time").asText());
    }
    throw new IOException(file + ":" + line + ": missing 'ts' (epoch ms) or 'time'");
  }
}
