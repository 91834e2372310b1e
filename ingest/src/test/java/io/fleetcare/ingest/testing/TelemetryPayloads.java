package io.fleetcare.ingest.testing;

import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Valid telemetry payloads for tests. */
public final class TelemetryPayloads {
  /** Fixed event time of every generated sample (plus {@code seq} seconds). */
  public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private static final PayloadCodec CODEC = new PayloadCodec();

  private TelemetryPayloads() {}

  /** A one-sample telemetry batch from {@code vin} with sequence number {@code seq}. */
  public static byte[] telemetry(String vin, long seq) {
    Sample sample =
        new Sample(T0.toEpochMilli() + seq * 1000, Map.of("Vehicle.Speed", 40.0 + seq % 60));
    return CODEC.encode(new TelemetryMessage(vin, seq, List.of(sample)));
  }
}
