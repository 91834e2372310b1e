package io.fleetcare.ingest.decode;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message that could not be decoded, kept with its reason for inspection and replay.
 *
 * @param topic the topic it arrived on
 * @param reason machine-readable reason: a {@link io.fleetcare.core.wire.RejectReason} name, or
 *     {@link #DECODER_FAILURE} when the decoder itself failed on the payload (a bug to report)
 * @param detail human-readable explanation naming the offending field or value
 * @param payloadPrefix the first at most {@link #MAX_PAYLOAD_PREFIX_BYTES} bytes of the payload,
 *     enough to diagnose without letting a hostile payload blow up the dead-letter store
 * @param payloadBytes the full payload size in bytes
 * @param receivedAtMs when the source received it, epoch milliseconds
 */
public record DeadLetter(
    String topic,
    String reason,
    String detail,
    byte[] payloadPrefix,
    int payloadBytes,
    long receivedAtMs) {
  /** Most payload bytes a dead letter keeps: 4 KiB. */
  public static final int MAX_PAYLOAD_PREFIX_BYTES = 4096;

  /** Reason of a payload on which the decoder threw instead of returning a rejection. */
  public static final String DECODER_FAILURE = "DECODER_FAILURE";

  public DeadLetter {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(payloadPrefix, "payloadPrefix");
    if (payloadPrefix.length > MAX_PAYLOAD_PREFIX_BYTES) {
      throw new IllegalArgumentException(
          "payloadPrefix has " + payloadPrefix.length + " bytes, at most 4096 allowed");
    }
  }

  /** A dead letter keeping the bounded prefix of {@code payload}. */
  public static DeadLetter of(
      String topic, String reason, String detail, byte[] payload, long receivedAtMs) {
    byte[] prefix = Arrays.copyOf(payload, Math.min(payload.length, MAX_PAYLOAD_PREFIX_BYTES));
    return new DeadLetter(topic, reason, detail, prefix, payload.length, receivedAtMs);
  }

  /** True when {@link #payloadPrefix()} is the whole payload. */
  public boolean complete() {
    return payloadPrefix.length == payloadBytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeadLetter d
        && payloadBytes == d.payloadBytes
        && receivedAtMs == d.receivedAtMs
        && topic.equals(d.topic)
        && reason.equals(d.reason)
        && detail.equals(d.detail)
        && Arrays.equals(payloadPrefix, d.payloadPrefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        topic, reason, detail, Arrays.hashCode(payloadPrefix), payloadBytes, receivedAtMs);
  }

  @Override
  public String toString() {
    return "DeadLetter[topic="
        + topic
        + ", reason="
        + reason
        + ", detail="
        + detail
        + ", payloadBytes="
        + payloadBytes
        + ", receivedAtMs="
        + receivedAtMs
        + "]";
  }
}
