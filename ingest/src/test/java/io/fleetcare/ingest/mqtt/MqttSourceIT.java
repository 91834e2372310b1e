package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.ingest.decode.VehicleMessageDecoder;
import io.fleetcare.ingest.testing.CollectedMessages;
import io.fleetcare.ingest.testing.CollectingSink;
import io.fleetcare.ingest.testing.MessageKey;
import io.fleetcare.ingest.testing.TelemetryPayloads;
import io.fleetcare.ingest.testing.TestPublisher;
import io.fleetcare.ingest.testing.TestVins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source on the shared Mosquitto at 127.0.0.1:1883 (default configuration: 20 in flight, 1,000
 * queued per session), read by a parallelism-2 job with checkpoints every 500 ms.
 */
class MqttSourceIT {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceIT.class);
  private static final String BROKER = "tcp://127.0.0.1:1883";
  private static final int VEHICLES = 10;
  private static final int MESSAGES = 5_000;
  private static final int MESSAGES_WHILE_DOWN = 500;
  // Below Mosquitto's default max_queued_messages, so the broker never drops for a slow reader.
  private static final int BATCH = 500;

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> vins = TestVins.random(VEHICLES + 1);
  private final String probeVin = vins.getLast();
  private final AtomicLong probeSeq = new AtomicLong();
  private final List<JobClient> jobs = new ArrayList<>();

  @AfterEach
  void cancelJobs() throws Exception {
    for (JobClient job : jobs) {
      if (!job.getJobStatus().get().isGloballyTerminalState()) {
        job.cancel().get();
      }
    }
    CollectedMessages.drop(run);
  }

  @Test
  void deliversEveryPublishedMessageAtLeastOnceAcrossACancelAndRestart() throws Exception {
    CollectedMessages collected = CollectedMessages.named(run);
    List<String> expected = new ArrayList<>();
    try (TestPublisher publisher = new TestPublisher(BROKER)) {
      JobClient first = start();
      awaitSubscribed(publisher, collected);
      for (int from = 0; from < MESSAGES; from += BATCH) {
        publishBatch(publisher, from, Math.min(MESSAGES, from + BATCH), expected);
        awaitAll(collected, expected);
      }
      long beforeRestart = collected.total();
      first.cancel().get();

      // Published while no reader is connected: the broker keeps them in the persistent sessions.
      publishBatch(publisher, MESSAGES, MESSAGES + MESSAGES_WHILE_DOWN, expected);
      start();
      awaitAll(collected, expected);
      LOG.info(
          "{} messages published, {} distinct arrived, {} deliveries before the restart and {} in"
              + " all ({} duplicates, {} probes)",
          expected.size(),
          expected.stream().filter(collected::contains).count(),
          beforeRestart,
          collected.total(),
          collected.duplicates(),
          probeSeq.get());
    }
    assertThat(expected).allMatch(collected::contains);
  }

  private JobClient start() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(500);
    MqttSourceOptions options =
        MqttSourceOptions.builder(BROKER)
            .topicFilters(vins.stream().map(v -> Topic.of(v, TopicKind.TELEMETRY)).toList())
            .sharedGroup("it-" + run)
            .clientIdPrefix("it-" + run)
            .sessionExpiry(Duration.ofMinutes(2))
            .receiveMaximum(500)
            .ackMode(AckMode.forCheckpointing(env.getCheckpointConfig().isCheckpointingEnabled()))
            .build();
    env.fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "mqtt")
        .uid("mqtt-source")
        .process(new VehicleMessageDecoder())
        .name("decode")
        .uid("decode")
        .map(new MessageKey())
        .name("key")
        .uid("key")
        .sinkTo(new CollectingSink(run))
        .name("collect")
        .uid("collect");
    JobClient job = env.executeAsync("mqtt-source-it-" + run);
    jobs.add(job);
    return job;
  }

  /**
   * Publishes probes until one arrives: from then on the shared subscription has a member and the
   * broker keeps every message for the group.
   */
  private void awaitSubscribed(TestPublisher publisher, CollectedMessages collected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              long seq = probeSeq.getAndIncrement();
              publisher.publish(
                  Topic.of(probeVin, TopicKind.TELEMETRY),
                  TelemetryPayloads.telemetry(probeVin, seq));
              return collected.distinct() > 0;
            });
  }

  private void publishBatch(TestPublisher publisher, int from, int to, List<String> expected)
      throws Exception {
    for (int i = from; i < to; i++) {
      String vin = vins.get(i % VEHICLES);
      long seq = i / VEHICLES;
      publisher.publish(Topic.of(vin, TopicKind.TELEMETRY), TelemetryPayloads.telemetry(vin, seq));
      expected.add(MessageKey.of(vin, seq));
    }
  }

  private static void awaitAll(CollectedMessages collected, List<String> expected) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> expected.stream().allMatch(collected::contains));
  }
}
