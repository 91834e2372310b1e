package io.fleetcare.app.demo;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Waits until the job's MQTT readers have subscribed. A shared subscription exists only once a
 * reader subscribes, and messages published before that are lost, so a probe vehicle publishes
 * until one of its rows reaches the database. Figures shown to the user leave the probe out.
 */
final class PipelineReadiness {
  static final String PROBE_VIN = "WFLZZZPRBE0000001";
  private static final Instant PROBE_TIME = Instant.parse("2000-01-01T00:00:00Z");

  private PipelineReadiness() {}

  static void await(String brokerUrl, String jdbcUrl, Duration timeout) throws Exception {
    PayloadCodec codec = new PayloadCodec();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (MqttPublisher probe =
        new MqttPublisher(
            new MqttPublisherOptions(brokerUrl, "fleetcare-probe-" + UUID.randomUUID(), 1))) {
      for (long seq = 1; ; seq++) {
        TelemetryMessage m =
            new TelemetryMessage(
                PROBE_VIN,
                seq,
                List.of(
                    new Sample(
                        PROBE_TIME.plusSeconds(seq).toEpochMilli(),
                        Map.of(SignalCatalogue.SPEED, 0.0))));
        probe.send(Topic.of(PROBE_VIN, TopicKind.TELEMETRY), codec.encode(m), false);
        if (probeStored(jdbcUrl)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the stream job did not start consuming from " + brokerUrl + " within " + timeout);
        }
        Thread.sleep(250);
      }
    }
  }

  private static boolean probeStored(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM telemetry_batch WHERE vin = ?")) {
      s.setString(1, PROBE_VIN);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }
}
