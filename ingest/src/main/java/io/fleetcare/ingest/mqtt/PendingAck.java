package io.fleetcare.ingest.mqtt;

/**
 * A message emitted downstream but not yet acknowledged to the broker.
 *
 * @param client the client that received it
 * @param packetId its packet identifier
 * @param qos its QoS
 * @param connection the connection that delivered it; the ack is only valid on that connection
 */
record PendingAck(MqttSessionClient client, int packetId, int qos, long connection) {}
