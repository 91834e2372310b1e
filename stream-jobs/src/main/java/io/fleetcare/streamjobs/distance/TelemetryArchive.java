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
 *
 * <p>A message without personal data whose payload the codec kept ({@link
 * TelemetryMessage#payload}: plain-ASCII contract JSON without alias signal names) is archived as
 * received; encoding it again cost about 13 % of the keyed task thread's CPU in the bench profile.
 * Others (built in code, normalised on decoding, or with personal data) are encoded from their
 * fields.
 */
public final class TelemetryArchive {
  // The catalogue's personal-data paths (and their aliases): looked up per sample, rather than
  // every signal of a sample looked up in the catalogue.
  private static final List<String> PERSONAL_PATHS = personalPaths();

  private final PayloadCodec codec;

  public TelemetryArchive(PayloadCodec codec) {
    this.codec = codec;
  }

  /** The message as contract JSON without personal-data signals. */
  public String json(TelemetryMessage message) {
    boolean personal = hasPersonalData(message);
    if (!personal && message.hasPayload()) {
      return new String(message.payload(), StandardCharsets.US_ASCII);
    }
    TelemetryMessage kept = personal ? withoutPersonalData(message) : message;
    return new String(codec.encode(kept), StandardCharsets.UTF_8);
  }

  private static boolean hasPersonalData(TelemetryMessage message) {
    for (Sample s : message.samples()) {
      for (String path : PERSONAL_PATHS) {
        if (s.signals().containsKey(path)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> personalPaths() {
    List<String> paths = new ArrayList<>();
    for (Signal signal : SignalCatalogue.all()) {
      if (signal.personalData()) {
        paths.add(signal.vssPath());
      }
    }
    SignalCatalogue.aliases()
        .forEach(
            (alias, canonical) -> {
              if (paths.contains(canonical)) {
                paths.add(alias);
              }
            });
    return List.copyOf(paths);
  }

  static TelemetryMessage withoutPersonalData(TelemetryMessage message) {
    if (!hasPersonalData(message)) {
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
