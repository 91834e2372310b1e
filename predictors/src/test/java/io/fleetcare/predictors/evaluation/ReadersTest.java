package io.fleetcare.predictors.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
  @TempDir Path dir;

  @Test
  void readsSimulatorGroundTruthAndItsPeriod() throws Exception {
    Path file = dir.resolve("truth.jsonl");
    Files.writeString(
        file,
        """
        {"vin":"1FCAA11T5B0000001","component":"BRAKE_PADS","kind":"THRESHOLD_CROSSED","threshold":"pad wear >= 100 %","ts":1767600000000,"time":"2026-01-05T08:00:00Z","value":100.0,"odometerKm":48211.4,"detail":"Row1.Wheel.Left"}
        {"vin":"1FCAA11T5B0000001","component":"BATTERY_12V","kind":"NO_START","threshold":"cranking < 7.0 V","ts":1767600001000,"time":"2026-01-05T08:00:01Z","value":6.9,"odometerKm":48211.4,"detail":""}
        {"vin":"1FCAA11T5B0000001","component":"BRAKE_PADS","kind":"SERVICE_PERFORMED","threshold":"","ts":1768000000000,"time":"2026-01-09T23:06:40Z","value":null,"odometerKm":48400.0,"detail":""}
        """);
    Files.writeString(
        dir.resolve("truth.config.json"),
        "{\"seed\":3,\"days\":30,\"start\":\"2026-01-05T00:00:00Z\"}");
    GroundTruth t = GroundTruthReader.read(file);
    assertThat(t.crossings())
        .containsExactly(
            new GroundTruthCrossing(
                "1FCAA11T5B0000001",
                "BRAKE_PADS",
                Instant.ofEpochMilli(1767600000000L),
                "pad wear >= 100 %"));
    assertThat(t.services()).hasSize(1);
    assertThat(t.start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(t.end()).isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
  }

  @Test
  void readsWireWorkOrdersAndMqttExports() throws Exception {
    Path file = dir.resolve("orders.jsonl");
    Files.writeString(
        file,
        """
        {"v":1,"id":"x","vin":"1FCAA11T5B0000001","dealerId":"D001","kind":"MAINTENANCE","type":"BRAKE_PADS","urgency":"NORMAL","status":"NEW","createdAt":1767600000000,"predictedDate":"2026-01-15","dueFrom":"2026-01-12","dueTo":"2026-01-20","probability":0.8}
        {"topic":"fleet/service/D001/work-orders","retained":false,"payload":{"vin":"1FCAA11T5B0000002","kind":"MAINTENANCE","type":"TYRES","createdAt":"2026-01-05T08:00:00Z","predictedDate":"2026-01-15","dueFrom":"2026-01-12","dueTo":"2026-01-20"}}
        {"vin":"1FCAA11T5B0000003","kind":"CARE","type":"CARE_SHORT_TRIPS","createdAt":1767600000000,"predictedDate":"2026-01-15","dueFrom":"2026-01-12","dueTo":"2026-01-20"}
        """);
    var orders = OrderReader.readWorkOrders(file);
    assertThat(orders).hasSize(2);
    assertThat(orders.get(1).component()).isEqualTo("TYRES");
    assertThat(orders.get(1).createdAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    assertThat(orders.get(0).dueTo()).isEqualTo(LocalDate.parse("2026-01-20"));
  }
}
