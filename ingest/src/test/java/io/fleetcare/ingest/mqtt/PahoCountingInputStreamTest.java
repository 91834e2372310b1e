package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/**
 * Ingest's replacement of Paho's CountingInputStream is the one loaded, and Paho parses with it.
 */
class PahoCountingInputStreamTest {
  /** Counts the one-byte reads that reach it. */
  private static final class SingleByteReads extends ByteArrayInputStream {
    int singleByteReads;

    SingleByteReads(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read() {
      singleByteReads++;
      return super.read();
    }
  }

  @Test
  void theClassPahoLoadsIsIngests() {
    String location =
        CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation().toString();

    assertThat(location).doesNotContain("org.eclipse.paho.mqttv5.client");
  }

  @Test
  void aBulkReadIsOneCopyAndCounted() throws IOException {
    byte[] bytes = new byte[1_300];
    SingleByteReads source = new SingleByteReads(bytes);
    CountingInputStream counting = new CountingInputStream(source);

    new DataInputStream(counting).readFully(new byte[1_000]);
    counting.read();

    assertThat(counting.getCounter()).isEqualTo(1_001);
    assertThat(source.singleByteReads).isEqualTo(1);
    counting.resetCounter();
    assertThat(counting.read(new byte[500], 0, 500)).isEqualTo(299);
    assertThat(counting.getCounter()).isEqualTo(299);
    assertThat(counting.read(new byte[10], 0, 10)).isEqualTo(-1);
    assertThat(counting.getCounter()).isEqualTo(299);
  }

  @Test
  void pahoParsesAPublishWithPropertiesThroughIt() throws Exception {
    // Paho computes the payload's length from the counter after the topic, packet id and
    // properties: a wrong count would cut or pad the payload.
    byte[] payload = "{\"v\":1,\"samples\":[]}".repeat(60).getBytes(StandardCharsets.US_ASCII);
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    MqttProperties properties = new MqttProperties();
    properties.setMessageExpiryInterval(3_600L);
    properties.setContentType("application/json");
    properties.setUserProperties(List.of(new UserProperty("gateway", "fc-gw-7")));
    MqttPublish sent = new MqttPublish("fleet/1FCAA11T5B0000001/telemetry", message, properties);
    sent.setMessageId(4_711);

    MqttPublish received = (MqttPublish) MqttWireMessage.createWireMessage(sent.serialize());

    assertThat(received.getTopicName()).isEqualTo("fleet/1FCAA11T5B0000001/telemetry");
    assertThat(received.getMessageId()).isEqualTo(4_711);
    assertThat(received.getPayload()).isEqualTo(payload);
    assertThat(received.getProperties().getContentType()).isEqualTo("application/json");
    assertThat(received.getProperties().getMessageExpiryInterval()).isEqualTo(3_600L);
    assertThat(received.getProperties().getUserProperties())
        .extracting(UserProperty::getKey, UserProperty::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("gateway", "fc-gw-7"));
  }
}
