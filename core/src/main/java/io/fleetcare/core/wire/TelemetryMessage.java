package io.fleetcare.core.wire;

import java.util.List;
import java.util.Map;

/**
 * A batch of samples published on {@code fleet/{vin}/telemetry}.
 *
 * @param version schema version, {@value WireContract#VERSION} for this contract
 * @param vin vehicle identification number
 * @param seq rises by one per message, per vehicle and topic; (vin, topic, seq) identifies it
 * @param samples the samples in the order the gateway sent them
 * @param extraFields unknown top-level fields, kept as raw JSON text by field name
 */
public record TelemetryMessage(
    int version, String vin, long seq, List<Sample> samples, Map<String, String> extraFields)
    implements VehicleMessage {
  public TelemetryMessage {
    samples = Ordered.list(samples);
    extraFields = Ordered.map(extraFields);
  }

  /** A v1 message without extra fields. */
  public TelemetryMessage(String vin, long seq, List<Sample> samples) {
    this(WireContract.VERSION, vin, seq, samples, Map.of());
  }
}
