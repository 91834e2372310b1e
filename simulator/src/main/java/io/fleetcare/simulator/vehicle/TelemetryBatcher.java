package io.fleetcare.simulator.vehicle;

import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.simulator.OutboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a vehicle's samples into telemetry messages of a fixed size; a trip's last, shorter
 * batch is flushed at ignition off so no message spans two trips. Numbers the messages: seq starts
 * at 1 and rises by one per message.
 */
final class TelemetryBatcher {
  private final int vehicleIndex;
  private final String vin;
  private final String topic;
  private final int samplesPerMessage;
  private final PayloadCodec codec;
  private List<Sample> pending;
  private long seq;
  private long messages;
  private long samples;

  TelemetryBatcher(int vehicleIndex, String vin, int samplesPerMessage, PayloadCodec codec) {
    this.vehicleIndex = vehicleIndex;
    this.vin = vin;
    this.topic = Topic.of(vin, TopicKind.TELEMETRY);
    this.samplesPerMessage = samplesPerMessage;
    this.codec = codec;
    this.pending = new ArrayList<>(samplesPerMessage);
  }

  void add(Sample sample, List<OutboundMessage> out) {
    pending.add(sample);
    if (pending.size() == samplesPerMessage) {
      flush(out);
    }
  }

  void flush(List<OutboundMessage> out) {
    if (pending.isEmpty()) {
      return;
    }
    TelemetryMessage message = new TelemetryMessage(vin, ++seq, pending);
    long publishTs = pending.getLast().tsMs();
    out.add(
        new OutboundMessage(
            publishTs,
            vehicleIndex,
            TopicKind.TELEMETRY,
            topic,
            message,
            codec.encode(message),
            pending.size()));
    messages++;
    samples += pending.size();
    pending = new ArrayList<>(samplesPerMessage);
  }

  long messages() {
    return messages;
  }

  long samples() {
    return samples;
  }
}
