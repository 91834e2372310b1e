package io.fleetcare.workorders.events;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleEvent;
import java.util.List;
import java.util.function.ToLongFunction;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes {@code SERVICE_PERFORMED} on {@code fleet/{vin}/events} (QoS 1) with Paho MQTT 5, as a
 * wire-contract v1 event message.
 *
 * <p>The {@code seq} of the message: the contract numbers messages per vehicle and topic, but the
 * dealer side is not the vehicle and cannot know the car's counter. Until the contract settles
 * this, the seq defaults to the event time in epoch milliseconds (see the report of issue #7).
 */
public final class MqttServicePerformedPublisher implements ServicePerformedPublisher {
  private final MqttClient client;
  private final PayloadCodec codec = new PayloadCodec();
  private final ToLongFunction<VehicleEvent.ServicePerformed> seq;

  /** Connects to {@code brokerUrl} (e.g. {@code tcp://localhost:1883}); reconnects on its own. */
  public MqttServicePerformedPublisher(String brokerUrl, String clientId) throws MqttException {
    this(brokerUrl, clientId, VehicleEvent.ServicePerformed::tsMs);
  }

  public MqttServicePerformedPublisher(
      String brokerUrl, String clientId, ToLongFunction<VehicleEvent.ServicePerformed> seq)
      throws MqttException {
    this.seq = seq;
    this.client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setAutomaticReconnect(true);
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    client.connect(options);
  }

  @Override
  public void publish(String vin, VehicleEvent.ServicePerformed event) throws MqttException {
    byte[] payload =
        codec.encode(new EventMessage(vin, seq.applyAsLong(event), List.<VehicleEvent>of(event)));
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    client.publish(Topic.of(vin, TopicKind.EVENTS), message);
  }

  @Override
  public void close() throws MqttException {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
    } finally {
      client.close();
    }
  }
}
