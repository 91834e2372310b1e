package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.ingest.decode.VehicleMessageDecoder;
import io.fleetcare.ingest.testing.CollectedMessages;
import io.fleetcare.ingest.testing.CollectingSink;
import io.fleetcare.ingest.testing.FailAtCounts;
import io.fleetcare.ingest.testing.MessageKey;
import io.fleetcare.ingest.testing.MosquittoBroker;
import io.fleetcare.ingest.testing.TelemetryPayloads;
import io.fleetcare.ingest.testing.TestPublisher;
import io.fleetcare.ingest.testing.TestVins;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery guarantees on a private Mosquitto started from the shipped configuration (no in-flight
 * or queue limits), read by parallelism-2 jobs on a MiniCluster.
 */
class MqttSourceFailoverIT {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceFailoverIT.class);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir static Path brokerDir;
  private static MosquittoBroker broker;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong probeSeq = new AtomicLong();
  private final List<JobClient> jobs = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = MosquittoBroker.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @AfterEach
  void cancelJobs() throws Exception {
    for (JobClient job : jobs) {
      if (!job.getJobStatus().get().isGloballyTerminalState()) {
        job.cancel().get();
      }
    }
    CollectedMessages.drop(run);
  }

  /**
   * 100,000 QoS 1 messages while the job fails twice and restarts from its last checkpoint: every
   * (vin, seq) arrives, and after dedup by (vin, seq) exactly once. "region" restarts only the
   * failed reader's pipeline (its split comes back through the enumerator); "full" restores the
   * enumerator and both readers from the checkpoint.
   */
  @ParameterizedTest(name = "failover strategy {0}")
  @ValueSource(strings = {"region", "full"})
  void everyMessageSurvivesTwoFailoversAndDedupsToExactlyOnce(String failoverStrategy)
      throws Exception {
    int vehicles = 50;
    int perVehicle = 2_000;
    List<String> vins = TestVins.random(vehicles + 1);
    String probeVin = vins.removeLast();
    List<String> expected = keys(vins, perVehicle);
    CollectedMessages collected = CollectedMessages.named(run);

    StreamExecutionEnvironment env = environment(true, failoverStrategy);
    DataStream<String> keys = pipeline(env, options(vins, probeVin, 1_000, env));
    keys.map(new FailAtCounts<>(run, List.of(30_000L, 70_000L)))
        .name("fail-twice")
        .uid("fail-twice")
        .sinkTo(new CollectingSink(run))
        .name("collect")
        .uid("collect");
    start(env);

    try (TestPublisher publisher = new TestPublisher(broker.uri());
        ExecutorService background = Executors.newSingleThreadExecutor()) {
      awaitSubscribed(publisher, probeVin, collected);
      Future<?> publishing =
          background.submit(
              () -> {
                publish(publisher, vins, perVehicle);
                return null;
              });
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> expected.stream().allMatch(collected::contains));
      publishing.get();
    }

    long probes = probeSeq.get();
    LOG.info(
        "Failover ({}): {} published, {} distinct (vin, seq) delivered (+ up to {} probes), {}"
            + " deliveries in all, {} duplicates removed by dedup, {} injected failures",
        failoverStrategy,
        expected.size(),
        expected.stream().filter(collected::contains).count(),
        probes,
        collected.total(),
        collected.duplicates(),
        FailAtCounts.failures(run));
    assertThat(FailAtCounts.failures(run)).isEqualTo(2);
    assertThat(expected).allMatch(collected::contains);
    // Dedup by key leaves exactly the published set: nothing lost, nothing invented.
    assertThat(collected.distinct() - probesDelivered(collected, probeVin, probes))
        .isEqualTo(expected.size());
  }

  /**
   * Without checkpointing, messages are acknowledged as they are emitted: with a receive maximum of
   * 10 per client the stream would stop after 20 messages if they were not.
   */
  @Test
  void aJobWithoutCheckpointsKeepsFlowingWhenAcknowledgingOnEmit() throws Exception {
    List<String> vins = TestVins.random(11);
    String probeVin = vins.removeLast();
    List<String> expected = keys(vins, 200);
    CollectedMessages collected = CollectedMessages.named(run);

    StreamExecutionEnvironment env = environment(false, "region");
    MqttSourceOptions options = options(vins, probeVin, 10, env);
    assertThat(options.ackMode()).isEqualTo(AckMode.AFTER_EMIT);
    pipeline(env, options).sinkTo(new CollectingSink(run)).name("collect").uid("collect");
    start(env);

    try (TestPublisher publisher = new TestPublisher(broker.uri())) {
      awaitSubscribed(publisher, probeVin, collected);
      publish(publisher, vins, 200);
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> expected.stream().allMatch(collected::contains));

    LOG.info(
        "No checkpoints, receive maximum 10: {} published, {} deliveries",
        expected.size(),
        collected.total());
    assertThat(expected).allMatch(collected::contains);
  }

  private StreamExecutionEnvironment environment(boolean checkpointing, String failoverStrategy) {
    Configuration config = new Configuration();
    config.set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, failoverStrategy);
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    if (checkpointing) {
      env.enableCheckpointing(500);
    }
    return env;
  }

  private MqttSourceOptions options(
      List<String> vins, String probeVin, int receiveMaximum, StreamExecutionEnvironment env) {
    List<String> filters = new ArrayList<>();
    vins.forEach(v -> filters.add(Topic.of(v, TopicKind.TELEMETRY)));
    filters.add(Topic.of(probeVin, TopicKind.TELEMETRY));
    return MqttSourceOptions.builder(broker.uri())
        .topicFilters(filters)
        .sharedGroup("it-" + run)
        .clientIdPrefix("it-" + run)
        .sessionExpiry(Duration.ofMinutes(5))
        .receiveMaximum(receiveMaximum)
        .ackMode(AckMode.forCheckpointing(env.getCheckpointConfig().isCheckpointingEnabled()))
        .build();
  }

  private static DataStream<String> pipeline(
      StreamExecutionEnvironment env, MqttSourceOptions options) {
    return env.fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "mqtt")
        .uid("mqtt-source")
        .process(new VehicleMessageDecoder())
        .name("decode")
        .uid("decode")
        .map(new MessageKey())
        .name("key")
        .uid("key");
  }

  private void start(StreamExecutionEnvironment env) throws Exception {
    jobs.add(env.executeAsync("mqtt-failover-it-" + run));
  }

  private void awaitSubscribed(
      TestPublisher publisher, String probeVin, CollectedMessages collected) {
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

  private static void publish(TestPublisher publisher, List<String> vins, int perVehicle)
      throws Exception {
    for (int seq = 0; seq < perVehicle; seq++) {
      for (String vin : vins) {
        publisher.publish(
            Topic.of(vin, TopicKind.TELEMETRY), TelemetryPayloads.telemetry(vin, seq));
      }
    }
  }

  private static List<String> keys(List<String> vins, int perVehicle) {
    List<String> keys = new ArrayList<>(vins.size() * perVehicle);
    for (int seq = 0; seq < perVehicle; seq++) {
      for (String vin : vins) {
        keys.add(MessageKey.of(vin, seq));
      }
    }
    return keys;
  }

  private static long probesDelivered(CollectedMessages collected, String probeVin, long probes) {
    long delivered = 0;
    for (long seq = 0; seq < probes; seq++) {
      if (collected.contains(MessageKey.of(probeVin, seq))) {
        delivered++;
      }
    }
    return delivered;
  }
}
