package io.fleetcare.core.wire;

import java.util.List;
import java.util.Map;

/**
 * A batch of discrete events published on {@code fleet/{vin}/events}.
 *
 * @param version schema version, {@value WireContract#VERSION} for this contract
 * @param vin vehicle identification number
 * @param seq rises by one per message, per vehicle and topic
 * @param events the events in the order the gateway sent them
 * @param extraFields unknown top-level fields, kept as raw JSON text by field name
 */
public record EventMessage(
    int version, String vin, long seq, List<VehicleEvent> events, Map<String, String> extraFields)
    implements VehicleMessage {
  public EventMessage {
    events = Ordered.list(events);
    extraFields = Ordered.map(extraFields);
  }

  /** A v1 message without extra fields. */
  public EventMessage(String vin, long seq, List<VehicleEvent> events) {
    this(WireContract.VERSION, vin, seq, events, Map.of());
  }
}
