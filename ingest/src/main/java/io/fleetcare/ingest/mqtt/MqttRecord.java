package io.fleetcare.ingest.mqtt;

import io.fleetcare.core.wire.Topic;
import java.util.Arrays;
import java.util.Objects;

/**
 * One MQTT message as the source received it, before any decoding.
 *
 * <p>A Java record of Flink-serializable fields, so Flink handles it with its POJO serializer
 * rather than Kryo.
 *
 * @param topic the topic the message was published on
 * @param topicVin the VIN level of a {@code fleet/{vin}/...} vehicle topic, as published (not
 *     validated); {@code ""} when the topic is not a vehicle topic. Lets the job key or route by
 *     vehicle without decoding the payload.
 * @param payload the raw payload bytes
 * @param receivedAtMs wall-clock time the reader received the message, epoch milliseconds
 */
public record MqttRecord(String topic, String topicVin, byte[] payload, long receivedAtMs) {
  public MqttRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(topicVin, "topicVin");
    Objects.requireNonNull(payload, "payload");
  }

  /** A record whose {@link #topicVin()} is taken from {@code topic}. */
  public static MqttRecord of(String topic, byte[] payload, long receivedAtMs) {
    String vin = Topic.parse(topic).map(Topic::vin).orElse("");
    return new MqttRecord(topic, vin, payload, receivedAtMs);
  }

  // Records compare arrays by identity; a received message is equal to another by content.
  @Override
  public boolean equals(Object other) {
    return other instanceof MqttRecord r
        && receivedAtMs == r.receivedAtMs
        && topic.equals(r.topic)
        && topicVin.equals(r.topicVin)
        && Arrays.equals(payload, r.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, topicVin, Arrays.hashCode(payload), receivedAtMs);
  }

  @Override
  public String toString() {
    return "MqttRecord[topic="
        + topic
        + ", payloadBytes="
        + payload.length
        + ", receivedAtMs="
        + receivedAtMs
        + "]";
  }
}
