package io.fleetcare.core.wire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch of samples published on {@code fleet/{vin}/telemetry}.
 *
 * @param version schema version, {@value WireContract#VERSION} for this contract
 * @param vin vehicle identification number
 * @param seq rises by one per message, per vehicle and topic; (vin, topic, seq) identifies it
 * @param samples the samples in the order the gateway sent them
 * @param extraFields unknown top-level fields, kept as raw JSON text by field name
 * @param payload the payload as received, when it stands for exactly these fields as it is: set by
 *     {@link PayloadCodec#decode} for plain-ASCII JSON without escapes whose signal names are all
 *     canonical or unknown (no alias was mapped), so that storing it archives the same values
 *     without encoding the message again; empty otherwise, and for messages built in code (see
 *     {@link #hasPayload}). Not part of {@link #equals}; do not modify the array.
 */
public record TelemetryMessage(
    int version,
    String vin,
    long seq,
    List<Sample> samples,
    Map<String, String> extraFields,
    byte[] payload)
    implements VehicleMessage {
  public TelemetryMessage {
    samples = Ordered.list(samples);
    extraFields = Ordered.map(extraFields);
    payload = payload == null ? NO_PAYLOAD : payload;
  }

  private static final byte[] NO_PAYLOAD = new byte[0];

  /** Whether the payload as received was kept ({@link #payload} is not empty). */
  public boolean hasPayload() {
    return payload.length > 0;
  }

  /** A message built in code: no payload as received. */
  public TelemetryMessage(
      int version, String vin, long seq, List<Sample> samples, Map<String, String> extraFields) {
    this(version, vin, seq, samples, extraFields, NO_PAYLOAD);
  }

  /** A v1 message without extra fields. */
  public TelemetryMessage(String vin, long seq, List<Sample> samples) {
    this(WireContract.VERSION, vin, seq, samples, Map.of());
  }

  /** Equal when the decoded fields are equal, whether or not a payload was kept. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TelemetryMessage m
        && version == m.version
        && seq == m.seq
        && Objects.equals(vin, m.vin)
        && samples.equals(m.samples)
        && extraFields.equals(m.extraFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, vin, seq, samples, extraFields);
  }

  @Override
  public String toString() {
    return "TelemetryMessage[version="
        + version
        + ", vin="
        + vin
        + ", seq="
        + seq
        + ", samples="
        + samples
        + ", extraFields="
        + extraFields
        + (hasPayload() ? ", payload=" + payload.length + " bytes" : "")
        + "]";
  }
}
