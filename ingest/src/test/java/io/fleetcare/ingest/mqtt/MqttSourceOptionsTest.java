package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSourceOptionsTest {
  private static final String BROKER = "tcp://localhost:1883";

  private static MqttSourceOptions build(UnaryOperator<MqttSourceOptions.Builder> settings) {
    return settings.apply(MqttSourceOptions.builder(BROKER)).build();
  }

  private static void assertRejected(
      UnaryOperator<MqttSourceOptions.Builder> settings, String messagePart) {
    assertThatThrownBy(() -> build(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void hasTheDocumentedDefaults() {
    MqttSourceOptions options = MqttSourceOptions.builder(BROKER).build();

    assertThat(options.topicFilters())
        .containsExactly("fleet/+/telemetry", "fleet/+/events", "fleet/+/profile");
    assertThat(options.sharedGroup()).isEqualTo("fleetcare");
    assertThat(options.clientIdPrefix()).isEqualTo("fleetcare-ingest");
    assertThat(options.qos()).isEqualTo(1);
    assertThat(options.sessionExpiry()).isEqualTo(Duration.ofDays(1));
    assertThat(options.receiveMaximum()).isEqualTo(32_768);
    assertThat(options.maxQueuedMessages()).isEqualTo(32_768);
    assertThat(options.username()).isEmpty();
    assertThat(options.password()).isEmpty();
    assertThat(options.ackMode()).isEqualTo(AckMode.AFTER_CHECKPOINT);
    assertThat(options.keepAlive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.reconnectMinDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void queueFollowsReceiveMaximumUnlessSet() {
    assertThat(build(b -> b.receiveMaximum(50)).maxQueuedMessages()).isEqualTo(50);
    assertThat(build(b -> b.receiveMaximum(50).maxQueuedMessages(80)).maxQueuedMessages())
        .isEqualTo(80);
  }

  @Test
  void sharedGroupPrefixesEverySubscription() {
    assertThat(build(b -> b.sharedGroup("g1")).subscriptionFilters())
        .containsExactly(
            "$share/g1/fleet/+/telemetry", "$share/g1/fleet/+/events", "$share/g1/fleet/+/profile");
    assertThat(
            build(b -> b.sharedGroup("").topicFilters("fleet/+/telemetry")).subscriptionFilters())
        .containsExactly("fleet/+/telemetry");
  }

  @Test
  void clientIdsAreNumberedPerSplit() {
    MqttSourceOptions options = build(b -> b.clientIdPrefix("job-a"));

    assertThat(options.clientId(0)).isEqualTo("job-a-0");
    assertThat(MqttSplit.of(options, 3)).isEqualTo(new MqttSplit(3, "job-a-3"));
  }

  @Test
  void acceptsTlsAndWebSocketBrokers() {
    for (String uri :
        List.of("ssl://broker.example.com:8883", "ws://h:8080/mqtt", "wss://h/mqtt", "tcp://h")) {
      assertThat(MqttSourceOptions.builder(uri).build().serverUri()).isEqualTo(uri);
    }
  }

  @Test
  void rejectsServerUrisPahoCannotUse() {
    assertThatThrownBy(() -> MqttSourceOptions.builder("mqtt://localhost:1883").build())
        .hasMessageContaining("'mqtt://localhost:1883' must start with tcp://, ssl://");
    assertThatThrownBy(() -> MqttSourceOptions.builder("localhost:1883").build())
        .hasMessageContaining("must start with tcp://");
    assertThatThrownBy(() -> MqttSourceOptions.builder("tcp://:1883").build())
        .hasMessageContaining("names no host");
    assertThatThrownBy(() -> MqttSourceOptions.builder("tcp://bad host").build())
        .hasMessageContaining("is not a valid URI");
  }

  @Test
  void rejectsBadTopicFilters() {
    assertRejected(b -> b.topicFilters(List.of()), "at least one topic filter");
    assertRejected(b -> b.topicFilters(""), "must not be empty");
    assertRejected(b -> b.topicFilters("fleet/+x/telemetry"), "'+' must fill a whole level");
    assertRejected(b -> b.topicFilters("fleet/#/telemetry"), "'#' only the last level");
    assertRejected(b -> b.topicFilters("$share/g/fleet/+/telemetry"), "set sharedGroup instead");
    assertThat(build(b -> b.topicFilters("fleet/#")).topicFilters()).containsExactly("fleet/#");
  }

  @Test
  void rejectsGroupsAndClientIdsThatWouldBreakTopicsOrIds() {
    assertRejected(b -> b.sharedGroup("a/b"), "sharedGroup 'a/b' must not contain");
    assertRejected(b -> b.sharedGroup("a+"), "sharedGroup");
    assertRejected(b -> b.clientIdPrefix(""), "clientIdPrefix '' must have 1..64");
    assertRejected(b -> b.clientIdPrefix("has space"), "clientIdPrefix");
    assertRejected(b -> b.clientIdPrefix("x".repeat(65)), "1..64");
  }

  @Test
  void rejectsQosOutsideZeroAndOne() {
    assertRejected(b -> b.qos(2), "qos 2 is not supported");
    assertRejected(b -> b.qos(-1), "qos must be 0 or 1, was -1");
    assertThat(build(b -> b.qos(0)).qos()).isZero();
  }

  @Test
  void rejectsSessionsThatWouldNotSurviveARestart() {
    assertRejected(b -> b.sessionExpiry(Duration.ZERO), "sessionExpiry must be between 1 s");
    assertRejected(b -> b.sessionExpiry(Duration.ofSeconds(1L << 32)), "sessionExpiry");
  }

  @Test
  void rejectsFlowControlOutOfRange() {
    assertRejected(b -> b.receiveMaximum(0), "receiveMaximum must be between 1 and 65535");
    assertRejected(b -> b.receiveMaximum(65_536), "receiveMaximum");
    assertRejected(
        b -> b.receiveMaximum(100).maxQueuedMessages(99),
        "maxQueuedMessages (99) must be at least receiveMaximum (100)");
  }

  @Test
  void rejectsPasswordWithoutUser() {
    assertRejected(b -> b.credentials(null, "secret"), "password is set but username is not");
    assertThat(build(b -> b.credentials("gw", null)).username()).contains("gw");
  }

  @Test
  void rejectsTimingsOutOfRange() {
    assertRejected(b -> b.keepAlive(Duration.ZERO), "keepAlive must be between 1 s and 65535 s");
    assertRejected(b -> b.connectionTimeout(Duration.ofMillis(500)), "connectionTimeout");
    assertRejected(
        b -> b.reconnectDelay(Duration.ofSeconds(10), Duration.ofSeconds(5)),
        "reconnectMaxDelay (PT5S) must not be shorter than reconnectMinDelay (PT10S)");
  }

  @Test
  void neverPrintsThePassword() {
    MqttSourceOptions options = build(b -> b.credentials("gw", "s3cret"));

    assertThat(options.toString()).contains("username=gw").doesNotContain("s3cret");
  }

  @Test
  void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
    MqttSourceOptions options =
        build(b -> b.credentials("gw", "s3cret").sharedGroup("g").ackMode(AckMode.AFTER_EMIT));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new MqttSource(options));
    }
    MqttSource copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (MqttSource) in.readObject();
    }

    assertThat(copy.options()).isEqualTo(options);
    assertThat(copy.options().password()).isEqualTo(Optional.of("s3cret"));
  }

  @Test
  void reconnectDelaysDoubleUpToTheBoundWithJitterPerAttempt() {
    ReconnectBackoff backoff =
        ReconnectBackoff.of(
            build(b -> b.reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(8))));

    Set<Long> firstDelays = new HashSet<>();
    Set<Long> cappedDelays = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      long first = backoff.delayMs(1);
      firstDelays.add(first);
      // 1 s x 2^(n-1), capped at 8 s, then +-50 %.
      assertThat(first).isBetween(500L, 1_500L);
      assertThat(backoff.delayMs(2)).isBetween(1_000L, 3_000L);
      assertThat(backoff.delayMs(3)).isBetween(2_000L, 6_000L);
      long capped = backoff.delayMs(40);
      cappedDelays.add(capped);
      assertThat(capped).isBetween(4_000L, 12_000L);
    }
    // Jitter: readers that lost the same broker at the same instant come back spread out, also
    // once the delay has reached its bound.
    assertThat(firstDelays).hasSizeGreaterThan(500);
    assertThat(cappedDelays).hasSizeGreaterThan(1_000);
  }

  @Test
  void trustedCertificatesNeedATlsUrlAndValidPem(@TempDir Path dir) throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(
            () -> MqttSourceOptions.builder("ssl://broker:8883").trustedCertificates(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read trusted certificates from " + missing);
    assertThatThrownBy(
            () ->
                MqttSourceOptions.builder("ssl://broker:8883").trustedCertificates(garbage).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted certificates");
    Path pem = Files.writeString(dir.resolve("ca.pem"), TestCertificates.selfSignedPem());
    assertThatThrownBy(
            () -> MqttSourceOptions.builder("tcp://broker:1883").trustedCertificates(pem).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not use TLS: use ssl:// or wss://");

    MqttSourceOptions options =
        MqttSourceOptions.builder("ssl://broker:8883").trustedCertificates(pem).build();
    assertThat(options.toString()).contains("trustedCertificates=1 certificate(s)");
  }

  @Test
  void ackModeFollowsCheckpointing() {
    assertThat(AckMode.forCheckpointing(true)).isEqualTo(AckMode.AFTER_CHECKPOINT);
    assertThat(AckMode.forCheckpointing(false)).isEqualTo(AckMode.AFTER_EMIT);
  }
}
