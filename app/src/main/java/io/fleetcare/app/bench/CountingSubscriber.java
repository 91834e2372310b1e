package io.fleetcare.app.bench;

import io.fleetcare.ingest.mqtt.BufferedSocketFactory;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A QoS 1 subscriber to {@code fleet/+/telemetry} that only counts what arrives (Paho acknowledges
 * each message when the callback returns). The broker-alone stage's receiving end: as many of them
 * as the job has MQTT readers, in one shared-subscription group, as the job's readers subscribe.
 */
final class CountingSubscriber implements AutoCloseable {
  private final MqttAsyncClient client;
  private final AtomicLong received = new AtomicLong();

  CountingSubscriber(String brokerUrl, String sharedGroup) throws MqttException {
    client =
        new MqttAsyncClient(
            brokerUrl, "fleetcare-bench-count-" + UUID.randomUUID(), new MemoryPersistence());
    // Paho 1.2.5: subscribe(topic, qos, listener) recurses; a callback and a plain subscribe work.
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setReceiveMaximum(65_535);
    // As the job's readers do: Paho reads unbuffered, one system call per byte, without it.
    options.setSocketFactory(BufferedSocketFactory.INSTANCE);
    client.connect(options).waitForCompletion(10_000);
    client
        .subscribe(
            new MqttSubscription[] {
              new MqttSubscription("$share/" + sharedGroup + "/fleet/+/telemetry", 1)
            })
        .waitForCompletion(10_000);
  }

  long received() {
    return received.get();
  }

  @Override
  public void close() throws MqttException {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(10_000);
      }
    } finally {
      client.close();
    }
  }
}
