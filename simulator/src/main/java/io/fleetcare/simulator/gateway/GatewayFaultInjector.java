package io.fleetcare.simulator.gateway;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.Vin;
import io.fleetcare.simulator.OutboundMessage;
import io.fleetcare.simulator.fleet.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a clean, event-time-ordered message stream into what a misbehaving gateway sends. Faults
 * are drawn in stream order from a random source of their own, so the same options give the same
 * faults. Messages must be fed in publish order; {@link #flush} releases what is still held.
 */
public final class GatewayFaultInjector {
  private final GatewayFaultOptions options;
  private final PayloadCodec codec;
  private final Rng rng;
  private final ArrayDeque<OutboundMessage> late = new ArrayDeque<>();
  private final Map<String, OutboundMessage> heldForReorder = new HashMap<>();
  private long produced;
  private long duplicated;
  private long reordered;
  private long lateCount;
  private long dropped;
  private long skewed;
  private long malformed;
  private long vinMismatched;

  /**
   * @param options which faults, how often
   * @param codec to re-encode altered messages
   * @param seed the fleet seed; the faults use a stream derived from it
   */
  public GatewayFaultInjector(GatewayFaultOptions options, PayloadCodec codec, long seed) {
    this.options = options;
    this.codec = codec;
    this.rng = new Rng(Rng.derive(seed, -2, 11));
  }

  /** Processes one message; sends zero or more messages to {@code emit}. */
  public void accept(OutboundMessage message, Consumer<OutboundMessage> emit) {
    releaseLate(message.publishTsMs(), emit);
    if (message.kind() == TopicKind.PROFILE) {
      emit.accept(message);
      return;
    }
    produced++;
    if (options.isNone()) {
      emit.accept(message);
      return;
    }
    if (chance(options.dropRate())) {
      dropped++;
      return;
    }
    boolean telemetry = message.kind() == TopicKind.TELEMETRY;
    OutboundMessage m = message;
    if (telemetry && chance(options.clockSkewRate())) {
      m = skew(m);
      skewed++;
    }
    if (telemetry && chance(options.lateRate())) {
      lateCount++;
      late.add(m);
      return;
    }
    OutboundMessage held = telemetry ? heldForReorder.remove(m.topic()) : null;
    if (telemetry && held == null && chance(options.outOfOrderRate())) {
      reordered++;
      heldForReorder.put(m.topic(), m);
      return;
    }
    send(m, emit);
    if (held != null) {
      send(held, emit);
    }
  }

  /** Sends everything still held back (at the end of a run). */
  public void flush(Consumer<OutboundMessage> emit) {
    releaseLate(Long.MAX_VALUE, emit);
    List<String> topics = new ArrayList<>(heldForReorder.keySet());
    topics.sort(null);
    for (String topic : topics) {
      send(heldForReorder.remove(topic), emit);
    }
  }

  /** What was done so far. */
  public FaultCounts counts() {
    return new FaultCounts(
        produced, duplicated, reordered, lateCount, dropped, skewed, malformed, vinMismatched);
  }

  private void send(OutboundMessage m, Consumer<OutboundMessage> emit) {
    emit.accept(m);
    if (chance(options.duplicateRate())) {
      duplicated++;
      emit.accept(m);
    }
    if (chance(options.malformedRate())) {
      malformed++;
      emit.accept(withPayload(m, corrupt(m.payload())));
    }
    if (chance(options.vinMismatchRate())) {
      vinMismatched++;
      emit.accept(withPayload(m, codec.encode(withVin(m.message(), otherVin(m.message().vin())))));
    }
  }

  private void releaseLate(long nowMs, Consumer<OutboundMessage> emit) {
    long delayMs = options.lateDelayS() * 1000L;
    while (!late.isEmpty() && late.peek().publishTsMs() + delayMs <= nowMs) {
      send(late.poll(), emit);
    }
  }

  private boolean chance(double rate) {
    return rate > 0 && rng.nextDouble() < rate;
  }

  private OutboundMessage skew(OutboundMessage m) {
    TelemetryMessage t = (TelemetryMessage) m.message();
    long shiftMs = options.clockSkewS() * 1000L;
    List<Sample> samples = new ArrayList<>(t.samples().size());
    for (Sample s : t.samples()) {
      samples.add(new Sample(s.tsMs() + shiftMs, s.signals(), s.otherSignals()));
    }
    TelemetryMessage skewedMessage =
        new TelemetryMessage(t.version(), t.vin(), t.seq(), samples, t.extraFields());
    return new OutboundMessage(
        m.publishTsMs(),
        m.vehicleIndex(),
        m.kind(),
        m.topic(),
        skewedMessage,
        codec.encode(skewedMessage),
        m.sampleCount());
  }

  /** A truncated payload: the typical corruption of a gateway that loses its connection. */
  private static byte[] corrupt(byte[] payload) {
    return Arrays.copyOf(payload, Math.max(1, payload.length / 2));
  }

  private static OutboundMessage withPayload(OutboundMessage m, byte[] payload) {
    return new OutboundMessage(
        m.publishTsMs(),
        m.vehicleIndex(),
        m.kind(),
        m.topic(),
        m.message(),
        payload,
        m.sampleCount());
  }

  private static VehicleMessage withVin(VehicleMessage message, String vin) {
    return switch (message) {
      case TelemetryMessage t ->
          new TelemetryMessage(t.version(), vin, t.seq(), t.samples(), t.extraFields());
      case EventMessage e ->
          new EventMessage(e.version(), vin, e.seq(), e.events(), e.extraFields());
      default -> message;
    };
  }

  /** A valid VIN that differs from {@code vin}, so only the topic/payload mismatch is wrong. */
  static String otherVin(String vin) {
    String serial = vin.endsWith("999999") ? "000000" : "999999";
    return Vin.withCheckDigit(vin.substring(0, 11) + serial);
  }
}
