package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.simulator.truth.GroundTruthWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground truth agrees with what the telemetry shows. */
class GroundTruthConsistencyTest {
  private static final long DAY_MS = 86_400_000L;
  private static final PayloadCodec CODEC = new PayloadCodec();

  @TempDir static Path dir;

  /** First time each VIN's published pad wear reached 100 %. */
  private static final Map<String, Long> padWorn = new HashMap<>();

  /** First ENGINE_START below 9.6 V per VIN. */
  private static final Map<String, Long> weakCrank = new HashMap<>();

  private static List<JsonNode> truth;

  @BeforeAll
  static void simulate() throws Exception {
    Path truthFile = dir.resolve("truth.jsonl");
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(11)
            .vehicles(120)
            .days(100)
            .start(Instant.parse("2026-01-05T00:00:00Z"))
            .sampleIntervalS(300)
            .samplesPerMessage(12)
            .groundTruthFile(truthFile)
            .build();
    MessageSink sink =
        (topic, payload, retained) -> {
          if (!(CODEC.decode(topic, payload) instanceof DecodeResult.Accepted a)) {
            throw new AssertionError("rejected " + topic);
          }
          switch (a.message()) {
            case TelemetryMessage t -> {
              for (Sample s : t.samples()) {
                for (String wheel : SignalCatalogue.WHEELS) {
                  if (s.valueOr(SignalCatalogue.padWear(wheel), 0) >= 100) {
                    padWorn.putIfAbsent(t.vin(), s.tsMs());
                  }
                }
              }
            }
            case EventMessage e -> {
              for (VehicleEvent ev : e.events()) {
                if (ev instanceof VehicleEvent.EngineStart start && start.crankingMinV() < 9.6
                    || ev instanceof VehicleEvent.Other other && other.type().equals("NO_START")) {
                  weakCrank.putIfAbsent(e.vin(), ev.tsMs());
                }
              }
            }
            default -> {}
          }
        };
    new FleetSimulator(options).run(sink);
    ObjectMapper mapper = new ObjectMapper();
    truth = Files.readAllLines(truthFile).stream().map(line -> readTree(mapper, line)).toList();
    assertThat(GroundTruthWriter.configFile(truthFile)).exists();
  }

  private static JsonNode readTree(ObjectMapper mapper, String line) {
    try {
      return mapper.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonNode> crossings(String component) {
    return truth.stream()
        .filter(r -> r.get("component").asText().equals(component))
        .filter(r -> r.get("kind").asText().equals("THRESHOLD_CROSSED"))
        .toList();
  }

  @Test
  void padWearSignalReaches100PercentWithinADayOfTheGroundTruth() {
    long checked = 0;
    for (JsonNode crossing : crossings("BRAKE_PADS")) {
      String vin = crossing.get("vin").asText();
      if (padWorn.containsKey(vin)) {
        assertThat(padWorn.get(vin)).isCloseTo(crossing.get("ts").asLong(), within(DAY_MS));
        checked++;
      }
    }
    assertThat(checked).as("pad crossings on cars with a wear sensor").isPositive();
    // Every car whose sensor showed 100 % has a ground-truth crossing.
    assertThat(padWorn.keySet())
        .allSatisfy(
            vin ->
                assertThat(crossings("BRAKE_PADS"))
                    .anyMatch(r -> r.get("vin").asText().equals(vin)));
  }

  @Test
  void batteryCrossingIsTheFirstWeakCrank() {
    assertThat(crossings("BATTERY_12V")).isNotEmpty();
    Map<String, Long> firstCrossing = new HashMap<>();
    for (JsonNode crossing : crossings("BATTERY_12V")) {
      firstCrossing.putIfAbsent(crossing.get("vin").asText(), crossing.get("ts").asLong());
    }
    assertThat(weakCrank).isEqualTo(firstCrossing);
  }

  @Test
  void groundTruthIsInTimeOrderWithServicesAfterCrossings() {
    long previous = Long.MIN_VALUE;
    for (JsonNode r : truth) {
      assertThat(r.get("ts").asLong()).isGreaterThanOrEqualTo(previous);
      previous = r.get("ts").asLong();
    }
    assertThat(truth).anyMatch(r -> r.get("kind").asText().equals("SERVICE_PERFORMED"));
    assertThat(crossings("MILEAGE_SERVICE")).isNotEmpty();
  }

  private static org.assertj.core.data.Offset<Long> within(long ms) {
    return org.assertj.core.data.Offset.offset(ms);
  }
}
