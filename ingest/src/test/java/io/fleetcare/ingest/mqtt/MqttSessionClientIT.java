package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetcare.ingest.testing.MosquittoBroker;
import io.fleetcare.ingest.testing.TestPublisher;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader's MQTT session against a private Mosquitto: a first connection that fails names the
 * broker (no retry loop); a lost connection is retried with back-off until the broker is back; the
 * queue to the reader stays bounded and the broker holds the rest.
 */
class MqttSessionClientIT {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSessionClientIT.class);

  @TempDir Path dir;

  @Test
  void aLostConnectionIsRetriedWithBackOffUntilTheBrokerIsBackAndTheSessionResumes()
      throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
      MqttSourceOptions options =
          MqttSourceOptions.builder(broker.uri())
              .clientIdPrefix("it-reconnect-" + UUID.randomUUID().toString().substring(0, 8))
              .sharedGroup("")
              .topicFilters("it/reconnect/+")
              .reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(2))
              .build();
      MqttSessionClient client = new MqttSessionClient(options, MqttSplit.of(options, 0), () -> {});
      try {
        client.connect();
        long before = client.connection();
        awaitSubscribed(broker.uri(), client, "it/reconnect/a");

        broker.stop();
        Thread.sleep(3_000); // several failed attempts at 1 s, 2 s (+-50 %)
        broker.start();

        // A message published after the restart arrives: the client reconnected, resumed its
        // session and subscribed again.
        awaitSubscribed(broker.uri(), client, "it/reconnect/b");
        assertThat(client.connection()).isGreaterThan(before);
        assertThat(client.failure()).isNull();
      } finally {
        client.close();
      }
    }
  }

  @Test
  void qos1MessagesBeyondTheReceiveMaximumWaitAtTheBrokerNotInTheReader() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
      int receiveMaximum = 50;
      int published = 2_000;
      MqttSourceOptions options =
          MqttSourceOptions.builder(broker.uri())
              .clientIdPrefix("it-bp-" + UUID.randomUUID().toString().substring(0, 8))
              .sharedGroup("")
              .topicFilters("it/bp/+")
              .receiveMaximum(receiveMaximum)
              .build();
      MqttSessionClient client = new MqttSessionClient(options, MqttSplit.of(options, 0), () -> {});
      try {
        client.connect();
        awaitSubscribed(broker.uri(), client, "it/bp/probe");
        drainAndAck(client);
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
          for (int i = 0; i < published; i++) {
            publisher.publish("it/bp/" + i, new byte[] {1});
          }
        }
        // Nothing is acknowledged: the broker stops at the receive maximum and keeps the rest.
        await().atMost(Duration.ofSeconds(20)).until(() -> client.queueDepth() == receiveMaximum);
        Thread.sleep(1_000);
        assertThat(client.queueDepth()).isEqualTo(receiveMaximum);

        // Draining and acknowledging lets the rest through, never more than the maximum queued.
        int received = 0;
        int deepest = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received < published && System.nanoTime() < deadline) {
          deepest = Math.max(deepest, client.queueDepth());
          received += drainAndAck(client);
          Thread.sleep(5);
        }
        LOG.info(
            "QoS 1 back-pressure: published {}, received {}, deepest queue {} (receive maximum {})",
            published,
            received,
            deepest,
            receiveMaximum);
        assertThat(received).isEqualTo(published);
        assertThat(deepest).isLessThanOrEqualTo(receiveMaximum);
      } finally {
        client.close();
      }
    }
  }

  @Test
  void qos0MessagesFillTheBoundedQueueAndThenWaitInTheNetwork() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
      int queue = 100;
      MqttSourceOptions options =
          MqttSourceOptions.builder(broker.uri())
              .clientIdPrefix("it-bp0-" + UUID.randomUUID().toString().substring(0, 8))
              .sharedGroup("")
              .topicFilters("it/bp0/+")
              .qos(0)
              .receiveMaximum(queue)
              .maxQueuedMessages(queue)
              .build();
      MqttSessionClient client = new MqttSessionClient(options, MqttSplit.of(options, 0), () -> {});
      try {
        client.connect();
        awaitSubscribed(broker.uri(), client, "it/bp0/probe");
        drainAndAck(client);
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
          for (int i = 0; i < 5_000; i++) {
            publisher.publish("it/bp0/" + i, new byte[64]);
          }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> client.queueDepth() == queue);
        Thread.sleep(1_000);
        // The network thread waits on the full queue instead of growing it.
        assertThat(client.queueDepth()).isEqualTo(queue);
        int received = 0;
        for (int round = 0; round < 200 && received <= queue; round++) {
          received += drainAndAck(client);
          Thread.sleep(10);
        }
        LOG.info("QoS 0 back-pressure: queue held at {}, then {} drained", queue, received);
        assertThat(received).isGreaterThan(queue);
      } finally {
        client.close();
      }
    }
  }

  /** Publishes to {@code topic} until the client has it queued. */
  private static void awaitSubscribed(String uri, MqttSessionClient client, String topic)
      throws Exception {
    try (TestPublisher publisher = new TestPublisher(uri)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                publisher.publish(topic, new byte[] {0});
                for (ReceivedMessage m = client.poll(); m != null; m = client.poll()) {
                  client.acknowledge(m.packetId(), m.qos(), m.connection());
                  if (m.record().topic().equals(topic)) {
                    return true;
                  }
                }
                return false;
              });
    }
  }

  private static int drainAndAck(MqttSessionClient client) {
    int n = 0;
    for (ReceivedMessage m = client.poll(); m != null; m = client.poll()) {
      client.acknowledge(m.packetId(), m.qos(), m.connection());
      n++;
    }
    return n;
  }

  @Test
  void anUnreachableBrokerFailsWithItsUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String uri = "tcp://127.0.0.1:" + port;

    assertThatThrownBy(() -> connect(MqttSourceOptions.builder(uri)))
        .isInstanceOf(MqttSourceException.class)
        .hasMessageContaining("Cannot connect to MQTT broker " + uri + " as client it-auth-0");
  }

  @Test
  void refusedCredentialsFailWithTheUrlAndTheBrokersReason() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(dir, Map.of("allow_anonymous", "false"))) {
      assertThatThrownBy(() -> connect(MqttSourceOptions.builder(broker.uri())))
          .isInstanceOf(MqttSourceException.class)
          .hasMessageContaining("Cannot connect to MQTT broker " + broker.uri())
          .hasMessageContaining("reason code 135");
      assertThatThrownBy(
              () -> connect(MqttSourceOptions.builder(broker.uri()).credentials("gw", "wrong")))
          .isInstanceOf(MqttSourceException.class)
          .hasMessageContaining("Cannot connect to MQTT broker " + broker.uri());
    }
  }

  private static void connect(MqttSourceOptions.Builder builder) {
    MqttSourceOptions options =
        builder
            .clientIdPrefix("it-auth")
            .connectionTimeout(Duration.ofSeconds(2))
            .sessionExpiry(Duration.ofSeconds(10))
            .build();
    MqttSessionClient client = new MqttSessionClient(options, MqttSplit.of(options, 0), () -> {});
    try {
      client.connect();
    } finally {
      client.close();
    }
  }
}
