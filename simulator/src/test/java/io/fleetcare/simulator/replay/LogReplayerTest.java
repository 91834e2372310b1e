package io.fleetcare.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Vin;
import io.fleetcare.simulator.MessageSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogReplayerTest {
  private static final Path CAROBD = Path.of("/work/shared/datasets/carobd");
  private static final String VIN = Vin.withCheckDigit("1FCRPLAY0ES000001");
  private static final Instant START = Instant.parse("2026-03-02T07:30:00Z");
  private static final PayloadCodec CODEC = new PayloadCodec();

  /** Decodes every message (all must be valid) and keeps the samples and events. */
  private static final class DecodingSink implements MessageSink {
    final List<Sample> samples = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<Long> telemetrySeqs = new ArrayList<>();
    int profiles;

    @Override
    public void send(String topic, byte[] payload, boolean retained) {
      if (!(CODEC.decode(topic, payload) instanceof DecodeResult.Accepted a)) {
        throw new AssertionError("rejected " + topic + " " + new String(payload));
      }
      switch (a.message()) {
        case TelemetryMessage t -> {
          samples.addAll(t.samples());
          telemetrySeqs.add(t.seq());
        }
        case EventMessage e -> e.events().forEach(ev -> events.add(ev.type()));
        default -> profiles++;
      }
    }
  }

  private static long dataRows(Path file) throws Exception {
    try (var lines = Files.lines(file)) {
      return lines.skip(1).filter(l -> !l.isBlank()).count();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"live1.csv", "long1.csv", "idle1.csv"})
  void carObdReplayPublishesOneSamplePerRowOverTheFilesTimeSpan(String name) throws Exception {
    Path file = CAROBD.resolve(name);
    DecodingSink sink = new DecodingSink();

    ReplaySummary summary =
        new LogReplayer(ReplayOptions.defaults(ReplayMapping.carObd(), VIN).withStart(START))
            .replay(file, sink);

    long rows = dataRows(file);
    assertThat(summary.rows()).isEqualTo(rows);
    assertThat(summary.samples()).isEqualTo(rows);
    assertThat(sink.samples).hasSize((int) rows);
    assertThat(sink.samples.getFirst().tsMs()).isEqualTo(START.toEpochMilli());
    assertThat(sink.samples.getLast().tsMs() - sink.samples.getFirst().tsMs())
        .isEqualTo((rows - 1) * 1000);
    assertThat(summary.lastSampleTime()).isEqualTo(START.plusSeconds(rows - 1));
    assertThat(sink.events).containsExactly("IGNITION_ON", "IGNITION_OFF");
    assertThat(sink.profiles).isEqualTo(1);
    assertThat(sink.telemetrySeqs.getFirst()).isEqualTo(1);
    assertThat(sink.telemetrySeqs.getLast()).isEqualTo(sink.telemetrySeqs.size());
    // The 12 V reading (PID 42) arrives under the canonical path.
    assertThat(sink.samples.getFirst().has(SignalCatalogue.BATTERY_12V_VOLTAGE)).isTrue();
  }

  @Test
  void carryForwardLogsRepeatTheLastValueOfBlankCells(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("changes.csv");
    Files.writeString(
        log,
        """
        time;speed_mph;rpm
        2026-03-02T08:00:00Z;10;900
        2026-03-02T08:00:01Z;;950
        2026-03-02T08:00:02Z;20;
        2026-03-02T08:00:03Z;;
        """);
    Path mappingFile = dir.resolve("mapping.yaml");
    Files.writeString(
        mappingFile,
        """
        delimiter: ";"
        carryForward: true
        time: { source: iso-8601, column: time }
        vehicle: { powertrain: ICE, fuel: petrol, engineDisplacementL: 1.2, massKg: 1100, modelYear: 2018 }
        signals:
          - { column: speed_mph, path: Vehicle.Speed, unit: mph }
          - { column: rpm, path: Vehicle.Powertrain.CombustionEngine.Speed, unit: rpm }
        """);
    DecodingSink sink = new DecodingSink();

    new LogReplayer(ReplayOptions.defaults(ReplayMapping.read(mappingFile), VIN)).replay(log, sink);

    assertThat(sink.samples).hasSize(4);
    assertThat(sink.samples)
        .extracting(s -> s.valueOr(SignalCatalogue.SPEED, -1))
        .containsExactly(16.09344, 16.09344, 32.18688, 32.18688);
    assertThat(sink.samples)
        .extracting(s -> s.valueOr(SignalCatalogue.ENGINE_SPEED, -1))
        .containsExactly(900.0, 950.0, 950.0, 950.0);
    assertThat(sink.samples.getLast().tsMs())
        .isEqualTo(Instant.parse("2026-03-02T08:00:03Z").toEpochMilli());
  }

  @Test
  void timeOfDayLogsRollOverMidnight(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("night.csv");
    Files.writeString(log, "clock,temp_f\n23:59:59,50\n00:00:00,50\n");
    Path mappingFile = dir.resolve("m.yaml");
    Files.writeString(
        mappingFile,
        """
        time: { source: time-of-day, column: clock, date: 2026-03-02 }
        vehicle: { massKg: 1200 }
        signals:
          - { column: temp_f, path: Vehicle.Exterior.AirTemperature, unit: fahrenheit }
        """);
    DecodingSink sink = new DecodingSink();

    new LogReplayer(ReplayOptions.defaults(ReplayMapping.read(mappingFile), VIN)).replay(log, sink);

    assertThat(sink.samples)
        .extracting(Sample::tsMs)
        .containsExactly(
            Instant.parse("2026-03-02T23:59:59Z").toEpochMilli(),
            Instant.parse("2026-03-03T00:00:00Z").toEpochMilli());
    assertThat(sink.samples.getFirst().valueOr(SignalCatalogue.AIR_TEMPERATURE, -1))
        .isEqualTo(10.0);
  }

  @Test
  void aMissingColumnOrBadUnitIsReportedClearly(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("x.csv");
    Files.writeString(log, "a,b\n1,2\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        time: { source: fixed-rate, intervalS: 1 }
        vehicle: { massKg: 1200 }
        signals:
          - { column: speed, path: Vehicle.Speed, unit: rpm }
        """);
    assertThatThrownBy(() -> ReplayMapping.read(bad)).hasMessageContaining("cannot convert rpm");

    Path missing = dir.resolve("missing.yaml");
    Files.writeString(
        missing,
        """
        time: { source: fixed-rate, intervalS: 1 }
        vehicle: { massKg: 1200 }
        signals:
          - { column: speed, path: Vehicle.Speed, unit: km/h }
        """);
    assertThatThrownBy(
            () ->
                new LogReplayer(ReplayOptions.defaults(ReplayMapping.read(missing), VIN))
                    .replay(log, (t, p, r) -> {}))
        .hasMessageContaining("lacks mapped columns [speed]");
  }
}
