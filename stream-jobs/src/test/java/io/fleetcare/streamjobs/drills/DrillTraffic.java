package io.fleetcare.streamjobs.drills;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a drill publishes, and what the pipeline must make of it: the simulator's messages (and any
 * hostile payloads added) in publishing order, each classified by the wire codec the job uses. A
 * valid telemetry message must end up as exactly one {@code telemetry_batch} row keyed by (vin,
 * seq); every rejected payload as exactly one dead letter with the codec's reason.
 */
final class DrillTraffic {
  private final List<DrillMessage> messages = new ArrayList<>();
  private final Set<String> telemetryKeys = new HashSet<>();
  private final Set<String> vins = new HashSet<>();
  private final Map<String, Long> deadLettersByReason = new TreeMap<>();
  private final PayloadCodec codec = new PayloadCodec();
  private long samples;
  private long events;
  private long profiles;
  private long hostile;
  private SimulationSummary summary;

  /** Runs the simulator with {@code options} and keeps everything it would publish. */
  static DrillTraffic simulate(SimulatorOptions options) throws Exception {
    DrillTraffic traffic = new DrillTraffic();
    MessageSink sink = (topic, payload, retained) -> traffic.add(topic, payload, retained);
    traffic.summary = new FleetSimulator(options).run(sink);
    return traffic;
  }

  /** Traffic with nothing in it yet. */
  static DrillTraffic empty() {
    return new DrillTraffic();
  }

  /** Adds every message of {@code other}, in order. */
  void addAll(DrillTraffic other) {
    for (DrillMessage m : other.messages) {
      add(m.topic(), m.payload(), m.retained());
    }
  }

  /** Adds one message; hostile or not is what the codec says. */
  void add(String topic, byte[] payload, boolean retained) {
    messages.add(new DrillMessage(topic, payload, retained));
    classify(topic, payload);
  }

  private void classify(String topic, byte[] payload) {
    switch (codec.decode(topic, payload)) {
      case DecodeResult.Accepted(TelemetryMessage t) -> {
        vins.add(t.vin());
        if (telemetryKeys.add(key(t.vin(), t.seq()))) {
          samples += t.samples().size();
        }
      }
      case DecodeResult.Accepted(EventMessage e) -> events++;
      case DecodeResult.Accepted(VehicleProfile p) -> profiles++;
      case DecodeResult.Accepted a ->
          throw new IllegalStateException("unexpected message type " + a.message());
      case DecodeResult.Rejected r -> {
        hostile++;
        deadLettersByReason.merge(r.reason().name(), 1L, Long::sum);
      }
    }
  }

  /** Inserts {@code extra} among the messages, spread evenly (keeps each list's own order). */
  void interleave(List<DrillMessage> extra) {
    List<DrillMessage> own = new ArrayList<>(messages);
    messages.clear();
    int total = own.size() + extra.size();
    int e = 0;
    int o = 0;
    for (int i = 0; i < total; i++) {
      // Bresenham-style: extra message i lands where its share of the total says.
      boolean takeExtra =
          e < extra.size()
              && (o >= own.size() || (long) (e + 1) * total <= (long) (i + 1) * extra.size());
      DrillMessage m = takeExtra ? extra.get(e++) : own.get(o++);
      messages.add(m);
    }
    for (DrillMessage m : extra) {
      classify(m.topic(), m.payload());
    }
  }

  static String key(String vin, long seq) {
    return vin + "/" + seq;
  }

  List<DrillMessage> messages() {
    return Collections.unmodifiableList(messages);
  }

  Set<String> telemetryKeys() {
    return Collections.unmodifiableSet(telemetryKeys);
  }

  Set<String> vins() {
    return Collections.unmodifiableSet(vins);
  }

  long samples() {
    return samples;
  }

  long events() {
    return events;
  }

  long profiles() {
    return profiles;
  }

  long hostile() {
    return hostile;
  }

  Map<String, Long> deadLettersByReason() {
    return Collections.unmodifiableMap(deadLettersByReason);
  }

  long expectedDeadLetters() {
    return deadLettersByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  SimulationSummary summary() {
    return summary;
  }
}
