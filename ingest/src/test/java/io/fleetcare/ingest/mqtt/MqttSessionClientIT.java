package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.ingest.testing.MosquittoBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader that cannot connect fails with a message naming the broker, not a retry loop. */
class MqttSessionClientIT {
  @TempDir Path dir;

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
