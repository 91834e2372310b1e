package io.fleetcare.simulator.vehicle;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.simulator.OutboundMessage;
import java.util.List;

/**
 * Publishes a vehicle's events, one per message as a gateway forwards them when they happen; seq
 * starts at 1 and rises by one per message.
 */
final class EventPublisher {
  private final int vehicleIndex;
  private final String vin;
  private final String topic;
  private final PayloadCodec codec;
  private long seq;

  EventPublisher(int vehicleIndex, String vin, PayloadCodec codec) {
    this.vehicleIndex = vehicleIndex;
    this.vin = vin;
    this.topic = Topic.of(vin, TopicKind.EVENTS);
    this.codec = codec;
  }

  void publish(VehicleEvent event, List<OutboundMessage> out) {
    EventMessage message = new EventMessage(vin, ++seq, List.of(event));
    out.add(
        new OutboundMessage(
            event.tsMs(),
            vehicleIndex,
            TopicKind.EVENTS,
            topic,
            message,
            codec.encode(message),
            0));
  }

  long messages() {
    return seq;
  }
}
