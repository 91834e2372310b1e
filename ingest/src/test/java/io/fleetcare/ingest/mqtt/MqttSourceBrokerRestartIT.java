package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.ingest.decode.VehicleMessageDecoder;
import io.fleetcare.ingest.testing.CollectedMessages;
import io.fleetcare.ingest.testing.CollectingSink;
import io.fleetcare.ingest.testing.MessageKey;
import io.fleetcare.ingest.testing.MosquittoBroker;
import io.fleetcare.ingest.testing.ResendingPublisher;
import io.fleetcare.ingest.testing.TelemetryPayloads;
import io.fleetcare.ingest.testing.TestPublisher;
import io.fleetcare.ingest.testing.TestVins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker itself restarts mid-stream: a private Mosquitto from the shipped configuration
 * (persistence on, in a test-owned directory) is stopped with SIGTERM while a parallelism-2 job
 * with checkpoints reads 20,000 QoS 1 messages, and started again on the same port. The readers
 * reconnect on their own (automatic reconnect with back-off), resume their persisted sessions and
 * subscribe again; the gateway stand-in reconnects and re-sends what the broker did not
 * acknowledge. Every published (vin, seq) must arrive, and dedup by (vin, seq) must leave exactly
 * the published set.
 *
 * <p>Mosquitto (checked on 2.0.11) persists sessions and their queued and in-flight messages, but
 * not <em>shared</em> subscriptions: after a restart a reader's session is back without its {@code
 * $share/...} subscription until the reader subscribes again, and a message published in that gap
 * has no subscriber and is dropped by the broker. The publisher here therefore reconnects and
 * retries at once, but only publishes again once a probe shows a reader subscribed (gateways that
 * come back after the ingest job); see docs/ingest.md, "Broker restarts".
 */
class MqttSourceBrokerRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceBrokerRestartIT.class);
  private static final int VEHICLES = 50;
  private static final int PER_VEHICLE = 400;
  private static final int RESTART_AFTER = 8_000;
  private static final Duration DOWN_FOR = Duration.ofSeconds(3);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path brokerDir;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
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
  void everyMessageSurvivesABrokerRestartMidStream() throws Exception {
    List<String> vins = TestVins.random(VEHICLES + 1);
    String probeVin = vins.removeLast();
    List<ResendingPublisher.Message> messages = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int seq = 0; seq < PER_VEHICLE; seq++) {
      for (String vin : vins) {
        messages.add(
            new ResendingPublisher.Message(
                Topic.of(vin, TopicKind.TELEMETRY), TelemetryPayloads.telemetry(vin, seq)));
        expected.add(MessageKey.of(vin, seq));
      }
    }
    CollectedMessages collected = CollectedMessages.named(run);

    try (MosquittoBroker broker = MosquittoBroker.start(brokerDir)) {
      jobs.add(startJob(broker, vins, probeVin));
      try (TestPublisher probe = new TestPublisher(broker.uri())) {
        awaitProbe(probe, probeVin, collected);
      }

      AtomicBoolean mayPublish = new AtomicBoolean(true);
      long acknowledgedAtStop;
      long distinctAtStop;
      int exitCode;
      long dbBytes;
      try (ResendingPublisher publisher =
              new ResendingPublisher(broker.uri(), 100, mayPublish::get);
          ExecutorService background = Executors.newSingleThreadExecutor()) {
        Future<?> publishing =
            background.submit(
                () -> {
                  publisher.publishAll(messages);
                  return null;
                });
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(10))
            .failFast(publishing::isDone)
            .until(() -> publisher.acknowledged() >= RESTART_AFTER);

        // Mid-stream: the gateway holds its next connection until a reader is subscribed again.
        mayPublish.set(false);
        acknowledgedAtStop = publisher.acknowledged();
        exitCode = broker.stop();
        distinctAtStop = collected.distinct();
        dbBytes = Files.size(broker.persistenceFile());
        LOG.info(
            "Broker stopped (exit code {}) after {} acknowledged publishes, {} distinct delivered;"
                + " database {} bytes",
            exitCode,
            acknowledgedAtStop,
            distinctAtStop,
            dbBytes);
        Thread.sleep(DOWN_FOR.toMillis());
        long failedWhileDown = publisher.failedConnects();
        broker.start();
        try (TestPublisher probe = new TestPublisher(broker.uri())) {
          awaitProbe(probe, probeVin, collected);
        }
        mayPublish.set(true);

        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(250))
            .failFast(() -> publishing.isDone() && !publishedWithoutError(publishing))
            .until(() -> expected.stream().allMatch(collected::contains));
        publishing.get();
        // A reader that has not reconnected yet would leave its session's messages at the broker.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> readerConnectsAfterRestart(broker.log()).size() == 2);
        String readersReconnected = clientConnectLines(broker.log());

        long distinctExpected = expected.stream().filter(collected::contains).count();
        long probesDelivered = probesDelivered(collected, probeVin);
        long deliveries = collected.total() - probeDeliveries(collected, probeVin);
        String log = broker.log();
        LOG.info(
            "Broker restart accounting: published {} (acknowledged by the broker; {} PUBLISH"
                + " sends, {} re-sent after a lost PUBACK, {} publisher connections, {} refused"
                + " while down), received {} (deliveries of published keys), duplicates {},"
                + " distinct {} of {}; {} probes delivered; reader reconnects after restart {}",
            publisher.acknowledged(),
            publisher.sends(),
            publisher.resends(),
            publisher.connects(),
            failedWhileDown,
            deliveries,
            deliveries - distinctExpected,
            distinctExpected,
            expected.size(),
            probesDelivered,
            readerConnectsAfterRestart(log));
        LOG.info("Reader connections in the broker log:\n{}", readersReconnected);

        // The restart really happened mid-stream, with persistence and reconnects on both sides.
        assertThat(exitCode).isZero();
        assertThat(acknowledgedAtStop).isLessThan(expected.size());
        assertThat(distinctAtStop).isLessThan(expected.size());
        assertThat(dbBytes).isPositive();
        assertThat(log).contains("Saving in-memory database").doesNotContain("Error saving");
        assertThat(publisher.connects()).isGreaterThanOrEqualTo(2);
        assertThat(publisher.acknowledged()).isEqualTo(expected.size());
        assertThat(readerConnectsAfterRestart(log))
            .as("both readers resumed their sessions after the restart")
            .containsExactlyInAnyOrder(clientId(0), clientId(1));
        // At least once: every published key arrived ...
        assertThat(expected).allMatch(collected::contains);
        // ... and exactly once after dedup: nothing invented besides the probes.
        assertThat(collected.distinct() - probesDelivered).isEqualTo(expected.size());
      }
    }
  }

  private JobClient startJob(MosquittoBroker broker, List<String> vins, String probeVin)
      throws Exception {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    List<String> filters = new ArrayList<>();
    vins.forEach(v -> filters.add(Topic.of(v, TopicKind.TELEMETRY)));
    filters.add(Topic.of(probeVin, TopicKind.TELEMETRY));
    MqttSourceOptions options =
        MqttSourceOptions.builder(broker.uri())
            .topicFilters(filters)
            .sharedGroup("it-" + run)
            .clientIdPrefix("it-" + run)
            .sessionExpiry(Duration.ofMinutes(5))
            .receiveMaximum(1_000)
            .reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(4))
            .ackMode(AckMode.forCheckpointing(env.getCheckpointConfig().isCheckpointingEnabled()))
            .build();
    // No Flink restart: the job must ride out the broker restart without failing.
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
    return env.executeAsync("mqtt-broker-restart-it-" + run);
  }

  private String clientId(int split) {
    return "it-" + run + "-" + split;
  }

  /** Publishes probes until a new one arrives: from then on a reader is subscribed. */
  private void awaitProbe(TestPublisher probe, String probeVin, CollectedMessages collected) {
    long before = probesDelivered(collected, probeVin);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              long seq = probeSeq.getAndIncrement();
              probe.publish(
                  Topic.of(probeVin, TopicKind.TELEMETRY),
                  TelemetryPayloads.telemetry(probeVin, seq));
              return probesDelivered(collected, probeVin) > before;
            });
  }

  private long probesDelivered(CollectedMessages collected, String probeVin) {
    long delivered = 0;
    for (long seq = 0; seq < probeSeq.get(); seq++) {
      if (collected.contains(MessageKey.of(probeVin, seq))) {
        delivered++;
      }
    }
    return delivered;
  }

  /** Deliveries of probe keys, duplicates included, so that they can be left out of the counts. */
  private long probeDeliveries(CollectedMessages collected, String probeVin) {
    long deliveries = 0;
    for (long seq = 0; seq < probeSeq.get(); seq++) {
      deliveries += collected.count(MessageKey.of(probeVin, seq));
    }
    return deliveries;
  }

  /** The reader client ids that connected to the restarted broker (the log after the restart). */
  private List<String> readerConnectsAfterRestart(String log) {
    int restart = log.lastIndexOf(" starting");
    Matcher m =
        Pattern.compile("New client connected from \\S+ as (it-" + run + "-\\d+) \\(p5, c0")
            .matcher(log.substring(Math.max(0, restart)));
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      if (!ids.contains(m.group(1))) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private String clientConnectLines(String log) {
    return log.lines()
        .filter(l -> l.contains(" it-" + run + "-") || l.contains("mosquitto version"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static boolean publishedWithoutError(Future<?> publishing) {
    try {
      publishing.get();
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
