package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.ingest.decode.VehicleMessageDecoder;
import io.fleetcare.ingest.testing.CollectedMessages;
import io.fleetcare.ingest.testing.CollectingSink;
import io.fleetcare.ingest.testing.MessageKey;
import io.fleetcare.ingest.testing.MosquittoBroker;
import io.fleetcare.ingest.testing.TelemetryPayloads;
import io.fleetcare.ingest.testing.TestVins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials and TLS as a job sees them: a private Mosquitto with {@code allow_anonymous false}
 * and a password file (made with {@code mosquitto_passwd}) reads with the right password and fails
 * the job, naming the broker and the broker's reason, with a wrong one; an {@code ssl://} URL is
 * accepted and a TLS handshake against a plain listener fails the job naming the broker; a TLS
 * listener whose certificate chains to the trusted CA reads, and fails the job without that CA.
 */
class MqttSourceSecurityIT {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceSecurityIT.class);
  private static final String USER = "ingest";
  private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String vin = TestVins.random(1).getFirst();

  @AfterEach
  void dropCollected() {
    CollectedMessages.drop(run);
  }

  @Test
  void theRightPasswordReadsAndAWrongOneFailsTheJobNamingBrokerAndReason() throws Exception {
    try (MosquittoBroker broker = passwordProtectedBroker()) {
      // Right password: the job connects, subscribes and delivers.
      CollectedMessages collected = CollectedMessages.named(run);
      JobClient job = startJob(options(broker.uri()).credentials(USER, PASSWORD).build());
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  publish(broker.uri(), USER, PASSWORD);
                  return collected.contains(MessageKey.of(vin, 0));
                });
      } finally {
        job.cancel().get();
      }

      // Wrong password: the job fails with the broker URL and the CONNACK reason. Mosquitto 2.0
      // answers MQTT 5 clients with 135 "Not authorized" (not 134 "Bad user name or password").
      Throwable failure =
          jobFailure(options(broker.uri()).credentials(USER, "wrong").build(), broker);
      assertThat(failure)
          .hasMessageContaining("Cannot connect to MQTT broker " + broker.uri())
          .hasMessageContaining("as client it-sec-" + run + "-")
          .hasMessageContaining("Not authorized")
          .hasMessageContaining("reason code 135");
      LOG.info("Wrong password: {}", failure.getMessage());
      assertThat(failure.getMessage()).doesNotContain("wrong");

      // No credentials at all against allow_anonymous false: "not authorized".
      Throwable anonymous = jobFailure(options(broker.uri()).build(), broker);
      assertThat(anonymous)
          .hasMessageContaining("Cannot connect to MQTT broker " + broker.uri())
          .hasMessageContaining("reason code 135");
      LOG.info("No credentials: {}", anonymous.getMessage());
    }
  }

  @Test
  void anSslUrlIsAcceptedAndAFailedHandshakeFailsTheJobNamingTheBroker() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
      String sslUri = "ssl://127.0.0.1:" + broker.port();
      MqttSourceOptions options = options(sslUri).build();
      assertThat(options.serverUri()).isEqualTo(sslUri);

      Throwable failure = jobFailure(options, broker);
      assertThat(failure).hasMessageContaining("Cannot connect to MQTT broker " + sslUri);
      // The cause names the TLS failure (the plain listener closes on the ClientHello).
      LOG.info("TLS handshake against a plain listener: {}", failure.getMessage());
      assertThat(failure.getMessage())
          .contains("the TLS handshake failed: check that the listener at " + sslUri)
          .contains("speaks TLS");
    }
  }

  @Test
  void aTlsBrokerWhoseCertificateChainsToTheTrustedCaReadsAndAnUntrustedOneFails()
      throws Exception {
    TestCertificates.BrokerCertificates certs = TestCertificates.brokerFor127001(dir);
    try (MosquittoBroker broker =
        MosquittoBroker.start(
            dir,
            Map.of(
                "cafile", certs.caCertificate().toString(),
                "certfile", certs.serverCertificate().toString(),
                "keyfile", certs.serverKey().toString()))) {
      String sslUri = "ssl://127.0.0.1:" + broker.port();
      String caPem = Files.readString(certs.caCertificate());

      CollectedMessages collected = CollectedMessages.named(run);
      JobClient job = startJob(options(sslUri).trustedCertificates(certs.caCertificate()).build());
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  publishOverTls(sslUri, caPem);
                  return collected.contains(MessageKey.of(vin, 0));
                });
      } finally {
        job.cancel().get();
      }

      // Without the CA the JVM's default trust store does not know the broker's certificate.
      Throwable untrusted = jobFailure(options(sslUri).build(), broker);
      LOG.info("TLS broker with an untrusted certificate: {}", untrusted.getMessage());
      assertThat(untrusted.getMessage())
          .contains("Cannot connect to MQTT broker " + sslUri)
          .contains("the TLS handshake failed")
          .contains("trustedCertificates");
    }
  }

  @Test
  void aUrlWithoutAKnownSchemeIsRefusedBeforeTheJobStarts() {
    assertThatThrownBy(() -> options("mqtts://127.0.0.1:8883").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with tcp://, ssl://, ws:// or wss://");
  }

  private MosquittoBroker passwordProtectedBroker() throws Exception {
    Path passwords = dir.resolve("passwords");
    Process p =
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), USER, PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    assertThat(Files.readString(passwords)).startsWith(USER + ":").doesNotContain(PASSWORD);
    return MosquittoBroker.start(
        dir, Map.of("allow_anonymous", "false", "password_file", passwords.toString()));
  }

  private MqttSourceOptions.Builder options(String uri) {
    return MqttSourceOptions.builder(uri)
        .topicFilters(Topic.of(vin, TopicKind.TELEMETRY))
        .sharedGroup("it-" + run)
        .clientIdPrefix("it-sec-" + run)
        .sessionExpiry(Duration.ofMinutes(1))
        .connectionTimeout(Duration.ofSeconds(5));
  }

  private JobClient startJob(MqttSourceOptions options) throws Exception {
    return environment(options).executeAsync("mqtt-security-it-" + run);
  }

  /** Runs a job that must fail, and returns the source's exception from the failure chain. */
  private Throwable jobFailure(MqttSourceOptions options, MosquittoBroker broker) throws Exception {
    StreamExecutionEnvironment env = environment(options);
    Throwable thrown = null;
    try {
      env.execute("mqtt-security-it-fail-" + run);
    } catch (Exception e) {
      thrown = e;
    }
    assertThat(thrown).as("job must fail; broker log:\n%s", broker.logTail(20)).isNotNull();
    Optional<MqttSourceException> source =
        ExceptionUtils.findThrowable(thrown, MqttSourceException.class);
    assertThat(source).as("MqttSourceException in %s", thrown).isPresent();
    return source.get();
  }

  private StreamExecutionEnvironment environment(MqttSourceOptions options) {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(500);
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
    return env;
  }

  private void publishOverTls(String uri, String caPem) throws Exception {
    MqttClient client =
        new MqttClient(uri, "it-sec-tls-pub-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setSocketFactory(TrustedCertificates.socketFactory(caPem));
    client.connect(o);
    try {
      MqttMessage m = new MqttMessage(TelemetryPayloads.telemetry(vin, 0));
      m.setQos(1);
      client.publish(Topic.of(vin, TopicKind.TELEMETRY), m);
      client.disconnect();
    } finally {
      client.close();
    }
  }

  private void publish(String uri, String user, String password) throws Exception {
    MqttClient client =
        new MqttClient(uri, "it-sec-pub-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(user);
    o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    client.connect(o);
    try {
      MqttMessage m = new MqttMessage(TelemetryPayloads.telemetry(vin, 0));
      m.setQos(1);
      client.publish(Topic.of(vin, TopicKind.TELEMETRY), m);
      client.disconnect();
    } finally {
      client.close();
    }
  }
}
