package io.fleetcare.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.ingest.mqtt.MqttSource;
import io.fleetcare.ingest.mqtt.MqttSourceOptions;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.VehicleSummary;
import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The first slice end to end on real parts: simulator → Mosquitto (127.0.0.1:1883) → the telemetry
 * job on a Flink MiniCluster (parallelism 2) → PostgreSQL (127.0.0.1:5432). The stored distance per
 * vehicle must equal the simulator's own total within 0.5 %.
 */
class TelemetryPipelineIT {
  private static final String BROKER =
      System.getenv().getOrDefault("FLEETCARE_TEST_BROKER", "tcp://127.0.0.1:1883");
  private static final String PROBE_VIN = "WFLZZZPRBE0000001";

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void storedDistancePerVehicleMatchesTheSimulator() throws Exception {
    String group = "it" + UUID.randomUUID().toString().substring(0, 8);
    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options =
          TelemetryJobOptions.defaults(BROKER, db.jdbcUrl())
              .withSharedGroup(group)
              .withCheckpointing(Duration.ofMillis(200), 2);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      MqttSource source =
          new MqttSource(
              MqttSourceOptions.builder(BROKER)
                  .topicFilters(List.of("fleet/+/telemetry", "fleet/+/events", "fleet/+/profile"))
                  .sharedGroup(group)
                  .clientIdPrefix("fleetcare-" + group)
                  .sessionExpiry(Duration.ofMinutes(2))
                  .build());
      TelemetryJob.build(env, source, TelemetryJob.jdbcSinks(options), options);
      JobClient job = env.executeAsync("telemetry-it");
      try {
        waitUntilTheJobStoresAProbe(db);

        SimulatorOptions simOptions =
            SimulatorOptions.builder()
                .seed(20261123)
                .vehicles(5)
                .days(1)
                .start(Instant.parse("2026-03-02T00:00:00Z"))
                .samplesPerMessage(10)
                // The system Mosquitto keeps its defaults (max_inflight_messages 20 per client) and
                // the source acknowledges only at checkpoints (every 200 ms here): two readers take
                // at most 2 x 20 / 0.2 s = 200 msgs/s, and a faster burst would overflow
                // max_queued_messages. docs/ingest.md has the settings that lift this.
                .maxMessagesPerSecond(150)
                .build();
        SimulationSummary summary;
        try (MqttPublisher publisher =
            new MqttPublisher(new MqttPublisherOptions(BROKER, "sim-" + group, 1))) {
          summary = new FleetSimulator(simOptions).run(publisher);
        }
        assertThat(summary.telemetryMessages()).isPositive();

        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () ->
                    assertThat(
                            db.queryLong(
                                "SELECT count(*) FROM telemetry_batch WHERE vin <> '"
                                    + PROBE_VIN
                                    + "'"))
                        .as("telemetry messages stored")
                        .isEqualTo(summary.telemetryMessages()));

        Map<String, Double> stored =
            db.query("SELECT vin, distance_km FROM vehicle_totals").stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        r -> (String) r.get("vin"),
                        r -> ((Number) r.get("distance_km")).doubleValue()));
        for (VehicleSummary vehicle : summary.vehicles()) {
          System.out.printf(
              "%s simulator %.3f km, stored %.3f km%n",
              vehicle.vin(), vehicle.distanceKm(), stored.get(vehicle.vin()));
          assertThat(vehicle.distanceKm()).isPositive();
          assertThat(stored.get(vehicle.vin()))
              .isCloseTo(vehicle.distanceKm(), within(vehicle.distanceKm() * 0.005));
        }
      } finally {
        job.cancel().get();
      }
    }
  }

  /**
   * The shared subscription exists only once a reader has subscribed; publishing earlier would lose
   * messages. A probe vehicle publishes until its row shows up in the database.
   */
  private static void waitUntilTheJobStoresAProbe(TestDatabase db) throws Exception {
    PayloadCodec codec = new PayloadCodec();
    AtomicLong seq = new AtomicLong();
    try (MqttPublisher probe =
        new MqttPublisher(new MqttPublisherOptions(BROKER, "probe-" + UUID.randomUUID(), 1))) {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                long s = seq.incrementAndGet();
                TelemetryMessage m =
                    new TelemetryMessage(
                        PROBE_VIN,
                        s,
                        List.of(
                            new Sample(
                                Instant.parse("2026-03-01T00:00:00Z").toEpochMilli() + s * 1000,
                                Map.of(SignalCatalogue.SPEED, 0.0))));
                probe.send(Topic.of(PROBE_VIN, TopicKind.TELEMETRY), codec.encode(m), false);
                return db.queryLong(
                        "SELECT count(*) FROM telemetry_batch WHERE vin = '" + PROBE_VIN + "'")
                    > 0;
              });
    }
  }
}
