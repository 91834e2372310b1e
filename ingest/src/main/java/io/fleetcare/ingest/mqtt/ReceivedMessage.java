package io.fleetcare.ingest.mqtt;

/**
 * A message waiting in a client's queue, with what is needed to acknowledge it later.
 *
 * @param record the message as handed downstream
 * @param packetId the MQTT packet identifier, 0 for QoS 0
 * @param qos the QoS the message was delivered with
 * @param connection which connection of the client delivered it (see {@link
 *     MqttSessionClient#connection()})
 */
record ReceivedMessage(MqttRecord record, int packetId, int qos, long connection) {
  boolean needsAck() {
    return qos > 0;
  }
}
