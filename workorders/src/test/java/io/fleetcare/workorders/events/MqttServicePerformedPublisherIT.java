package io.fleetcare.workorders.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.VehicleEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_PERFORMED reaches {@code fleet/{vin}/events} on the real broker as a v1 event message.
 */
class MqttServicePerformedPublisherIT {
  private static final String BROKER =
      System.getenv().getOrDefault("FLEETCARE_TEST_BROKER", "tcp://127.0.0.1:1883");

  @Test
  void publishesAWireContractEventMessage() throws Exception {
    String vin = "WVWZZZ1KZAW" + String.format("%06d", (int) (Math.random() * 1_000_000));
    List<MqttMessage> received = new CopyOnWriteArrayList<>();
    MqttClient subscriber =
        new MqttClient(BROKER, "wo-test-sub-" + UUID.randomUUID(), new MemoryPersistence());
    subscriber.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.add(message);
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverURI) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    subscriber.connect();
    // subscribe(topic, qos) with the client callback; the (topic, qos, listener) overload recurses
    subscriber.subscribe("fleet/" + vin + "/events", 1);
    try (MqttServicePerformedPublisher publisher =
        new MqttServicePerformedPublisher(BROKER, "wo-test-pub-" + UUID.randomUUID())) {
      publisher.publish(
          vin, new VehicleEvent.ServicePerformed(1_763_805_600_000L, "BRAKE_PADS", 48211.5));
      await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }

    DecodeResult decoded =
        new PayloadCodec().decode("fleet/" + vin + "/events", received.getFirst().getPayload());
    assertThat(decoded).isInstanceOf(DecodeResult.Accepted.class);
    EventMessage message = (EventMessage) ((DecodeResult.Accepted) decoded).message();
    assertThat(message.vin()).isEqualTo(vin);
    assertThat(message.events())
        .containsExactly(
            new VehicleEvent.ServicePerformed(1_763_805_600_000L, "BRAKE_PADS", 48211.5));
    assertThat(received.getFirst().getQos()).isEqualTo(1);
  }
}
