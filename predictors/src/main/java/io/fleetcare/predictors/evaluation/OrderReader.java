package io.fleetcare.predictors.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.series.Indicator;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads work orders and forecasts exported as JSON lines (formats in docs/predictions.md).
 *
 * <p>Work orders: the wire work-order object ({@code vin}, {@code type} or {@code component},
 * {@code createdAt} as epoch ms or ISO-8601 instant, {@code predictedDate}, {@code dueFrom}, {@code
 * dueTo} as ISO dates); an MQTT export line {@code {"topic":…,"payload":{…}}} is unwrapped. Orders
 * of kind {@code CARE} are skipped.
 *
 * <p>Forecasts: {@code {"vin","component","indicator","ts"|"time","predictedDate","lowDate",
 * "highDate","medianDays","lowDays","highDays","probability15d","modelVersion","evidence"}}.
 */
public final class OrderReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrderReader() {}

  /** Reads work orders from {@code file}. */
  public static List<PredictedOrder> readWorkOrders(Path file) throws IOException {
    List<PredictedOrder> out = new ArrayList<>();
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode j = parse(line, file, n);
        if (j.has("payload") && j.get("payload").isObject()) {
          j = j.get("payload");
        }
        if ("CARE".equals(j.path("kind").asText())) {
          continue;
        }
        String component =
            j.hasNonNull("type") ? j.get("type").asText() : j.path("component").asText();
        if (component.isEmpty()) {
          throw new IOException(file + ":" + n + ": missing 'type'");
        }
        try {
          out.add(
              new PredictedOrder(
                  j.path("vin").asText(),
                  component,
                  instant(j.get("createdAt")),
                  LocalDate.parse(j.path("predictedDate").asText()),
                  LocalDate.parse(j.path("dueFrom").asText()),
                  LocalDate.parse(j.path("dueTo").asText())));
        } catch (RuntimeException e) {
          throw new IOException(file + ":" + n + ": bad work order: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** Reads forecasts from {@code file}. */
  public static List<Forecast> readForecasts(Path file) throws IOException {
    List<Forecast> out = new ArrayList<>();
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode j = parse(line, file, n);
        try {
          Instant at = j.hasNonNull("ts") ? instant(j.get("ts")) : instant(j.get("time"));
          @SuppressWarnings("unchecked")
          Map<String, Object> evidence =
              j.has("evidence") ? JSON.convertValue(j.get("evidence"), Map.class) : Map.of();
          out.add(
              new Forecast(
                  j.path("vin").asText(),
                  j.path("component").asText(),
                  Indicator.valueOf(j.path("indicator").asText()),
                  at,
                  date(j.get("predictedDate")),
                  date(j.get("lowDate")),
                  date(j.get("highDate")),
                  number(j.get("medianDays")),
                  number(j.get("lowDays")),
                  number(j.get("highDays")),
                  j.path("probability15d").asDouble(),
                  evidence,
                  j.path("modelVersion").asText()));
        } catch (RuntimeException e) {
          throw new IOException(file + ":" + n + ": bad forecast: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** One forecast as a JSON line (without newline), the format {@link #readForecasts} reads. */
  public static String forecastLine(Forecast f) {
    var n = JSON.createObjectNode();
    n.put("vin", f.vin());
    n.put("component", f.component());
    n.put("indicator", f.indicator().name());
    n.put("ts", f.at().toEpochMilli());
    n.put("time", f.at().toString());
    putDate(n, "predictedDate", f.predictedDate());
    putDate(n, "lowDate", f.lowDate());
    putDate(n, "highDate", f.highDate());
    putNumber(n, "medianDays", f.medianDays());
    putNumber(n, "lowDays", f.lowDays());
    putNumber(n, "highDays", f.highDays());
    n.put("probability15d", f.probabilityWithin15Days());
    n.put("modelVersion", f.modelVersion());
    var ev = n.putObject("evidence");
    f.evidence()
        .forEach(
            (k, v) -> {
              if (v instanceof Number num) {
                putNumber(ev, k, num.doubleValue());
              } else {
                ev.put(k, String.valueOf(v));
              }
            });
    return n.toString();
  }

  private static void putDate(
      com.fasterxml.jackson.databind.node.ObjectNode n, String k, LocalDate d) {
    if (d == null) {
      n.putNull(k);
    } else {
      n.put(k, d.toString());
    }
  }

  private static void putNumber(
      com.fasterxml.jackson.databind.node.ObjectNode n, String k, double v) {
    if (Double.isFinite(v)) {
      n.put(k, v);
    } else {
      n.putNull(k);
    }
  }

  private static JsonNode parse(String line, Path file, int n) throws IOException {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IOException(file + ":" + n + ": not JSON", e);
    }
  }

  private static Instant instant(JsonNode v) {
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing time");
    }
    return v.isNumber() ? Instant.ofEpochMilli(v.asLong()) : Instant.parse(v.asText());
  }

  private static LocalDate date(JsonNode v) {
    return v == null || v.isNull() ? null : LocalDate.parse(v.asText());
  }

  private static double number(JsonNode v) {
    return v == null || v.isNull() ? Double.POSITIVE_INFINITY : v.asDouble();
  }
}
