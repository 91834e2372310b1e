package io.fleetcare.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.simulator.JsonLinesSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageFileTest {
  private static final String TOPIC = "fleet/1HGCM82633A004352/telemetry";

  @Test
  void readsBackWhatTheSimulatorsFileSinkWroteByteForByte(@TempDir Path dir) throws Exception {
    byte[] object =
        "{\"v\":1,\"vin\":\"1HGCM82633A004352\",\"seq\":1,\"samples\":[{\"ts\":1,\"signals\":{}}]}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] malformed = "not json {".getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("m.jsonl");
    try (JsonLinesSink sink = new JsonLinesSink(file)) {
      sink.send(TOPIC, object, false);
      sink.send(TOPIC, malformed, false);
      sink.send("fleet/1HGCM82633A004352/profile", object, true);
    }

    List<MqttRecord> read = new ArrayList<>();
    long n =
        MessageFile.forEach(
            file, (topic, payload, retained) -> read.add(MqttRecord.of(topic, payload, 0)));

    assertThat(n).isEqualTo(3);
    assertThat(read.get(0).topic()).isEqualTo(TOPIC);
    assertThat(read.get(0).topicVin()).isEqualTo("1HGCM82633A004352");
    assertThat(read.get(0).payload()).isEqualTo(object);
    assertThat(read.get(1).payload()).isEqualTo(malformed);
    assertThat(read.get(2).topic()).endsWith("/profile");

    long[] offsets = MessageFile.lineOffsets(file);
    assertThat(offsets).hasSize(4);
    assertThat(offsets[3]).isEqualTo(Files.size(file));
    byte[] all = Files.readAllBytes(file);
    byte[] second = java.util.Arrays.copyOfRange(all, (int) offsets[1], (int) offsets[2]);
    assertThat(MessageFile.parse(second).payload()).isEqualTo(malformed);
  }
}
