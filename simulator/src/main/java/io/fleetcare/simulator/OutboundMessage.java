package io.fleetcare.simulator;

import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleMessage;

/**
 * A message ready to publish, with the facts needed to order it and to inject gateway faults.
 *
 * @param publishTsMs event time the gateway sends it: the last sample of a telemetry batch, the
 *     event of an event message
 * @param vehicleIndex the vehicle's position in the fleet
 * @param kind which vehicle topic it goes to
 * @param topic the topic
 * @param message the decoded form
 * @param payload the encoded payload
 * @param sampleCount samples in it (0 for events and profiles)
 */
public record OutboundMessage(
    long publishTsMs,
    int vehicleIndex,
    TopicKind kind,
    String topic,
    VehicleMessage message,
    byte[] payload,
    int sampleCount) {}
