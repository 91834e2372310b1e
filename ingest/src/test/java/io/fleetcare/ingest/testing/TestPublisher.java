package io.fleetcare.ingest.testing;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A gateway stand-in: publishes QoS 1 messages and waits for each PUBACK. */
public final class TestPublisher implements AutoCloseable {
  private final MqttClient client;

  public TestPublisher(String serverUri) throws MqttException {
    client =
        new MqttClient(
            serverUri,
            "it-pub-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    client.connect(options);
  }

  /** Publishes with QoS 1; returns once the broker has acknowledged the message. */
  public void publish(String topic, byte[] payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    while (true) {
      try {
        client.publish(topic, message);
        return;
      } catch (MqttException e) {
        // Paho completes the publish token before its callback thread lowers the in-flight
        // count, so back-to-back publishes can briefly exceed the broker's receive maximum.
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          throw e;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  @Override
  public void close() throws MqttException {
    client.disconnect();
    client.close();
  }
}
