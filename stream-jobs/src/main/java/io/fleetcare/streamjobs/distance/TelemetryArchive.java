package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.signal.Signal;
import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a telemetry message into the JSON kept in the raw-telemetry table. Personal data (the
 * location) is not archived in clear: it is dropped here, and the work-order service keeps the
 * location it needs encrypted.
 */
public final class TelemetryArchive {
  private final PayloadCodec codec;

  public TelemetryArchive(PayloadCodec codec) {
    this.codec = codec;
  }

  /** The message as contract JSON without personal-data signals. */
  public String json(TelemetryMessage message) {
    return new String(codec.encode(withoutPersonalData(message)), StandardCharsets.UTF_8);
  }

  static TelemetryMessage withoutPersonalData(TelemetryMessage message) {
    boolean any = false;
    for (Sample s : message.samples()) {
      for (String path : s.signals().keySet()) {
        any |= isPersonal(path);
      }
    }
    if (!any) {
      return message;
    }
    List<Sample> kept = new ArrayList<>(message.samples().size());
    for (Sample s : message.samples()) {
      Map<String, Double> signals = new LinkedHashMap<>(s.signals());
      signals.keySet().removeIf(TelemetryArchive::isPersonal);
      kept.add(new Sample(s.tsMs(), signals, s.otherSignals()));
    }
    return new TelemetryMessage(
        message.version(), message.vin(), message.seq(), kept, message.extraFields());
  }

  private static boolean isPersonal(String path) {
    return SignalCatalogue.find(path).map(Signal::personalData).orElse(false);
  }
}
