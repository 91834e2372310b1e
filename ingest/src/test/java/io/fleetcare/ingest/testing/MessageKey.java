package io.fleetcare.ingest.testing;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import org.apache.flink.api.common.functions.MapFunction;

/** Maps a decoded message to its identity {@code vin:seq} (profiles carry no seq). */
public final class MessageKey implements MapFunction<VehicleMessage, String> {
  private static final long serialVersionUID = 1L;

  public static String of(String vin, long seq) {
    return vin + ":" + seq;
  }

  @Override
  public String map(VehicleMessage message) {
    return switch (message) {
      case TelemetryMessage t -> of(t.vin(), t.seq());
      case EventMessage e -> of(e.vin(), e.seq());
      case VehicleProfile p -> of(p.vin(), -1);
    };
  }
}
