package io.fleetcare.streamjobs.sequence;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: drops duplicate messages and restores {@code seq} order per topic (see {@link
 * MessageSequencer}). A gap that lasts {@code gapTimeout} of processing time is skipped. Profiles
 * and the dealer side's service events are not part of a vehicle's sequence and pass straight
 * through.
 */
public final class MessageSequenceFunction
    extends KeyedProcessFunction<String, VehicleMessage, VehicleMessage> {
  private static final long serialVersionUID = 1L;

  private final long gapTimeoutMs;
  private final int maxWaiting;

  private transient MessageSequencer<VehicleMessage> telemetrySequencer;
  private transient MessageSequencer<VehicleMessage> eventSequencer;
  private transient ValueState<SequenceState> telemetryState;
  private transient ValueState<SequenceState> eventState;
  private transient Counter duplicates;
  private transient Counter skippedSeqs;

  /**
   * @param gapTimeout how long a gap in {@code seq} may hold messages back before it is skipped
   * @param maxWaiting most messages held per vehicle and topic
   */
  public MessageSequenceFunction(Duration gapTimeout, int maxWaiting) {
    if (gapTimeout.isNegative() || gapTimeout.isZero() || maxWaiting <= 0) {
      throw new IllegalArgumentException("gapTimeout and maxWaiting must be positive");
    }
    this.gapTimeoutMs = gapTimeout.toMillis();
    this.maxWaiting = maxWaiting;
  }

  @Override
  public void open(OpenContext openContext) {
    PayloadCodec payloadCodec = new PayloadCodec();
    telemetrySequencer =
        new MessageSequencer<>(
            new WireCodec(payloadCodec, TopicKind.TELEMETRY), 100_000, maxWaiting);
    eventSequencer =
        new MessageSequencer<>(new WireCodec(payloadCodec, TopicKind.EVENTS), 100_000, maxWaiting);
    TypeInformation<SequenceState> type = TypeInformation.of(SequenceState.class);
    telemetryState =
        getRuntimeContext().getState(new ValueStateDescriptor<>("telemetry-seq", type));
    eventState = getRuntimeContext().getState(new ValueStateDescriptor<>("events-seq", type));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateMessages");
    skippedSeqs = getRuntimeContext().getMetricGroup().counter("skippedSeqs");
  }

  @Override
  public void processElement(VehicleMessage message, Context ctx, Collector<VehicleMessage> out)
      throws Exception {
    switch (message) {
      case TelemetryMessage t ->
          offer(
              telemetrySequencer,
              telemetryState,
              t.seq(),
              t.samples().getFirst().tsMs(),
              t,
              ctx,
              out);
      case EventMessage e when fromDealer(e) -> out.collect(e);
      case EventMessage e ->
          offer(eventSequencer, eventState, e.seq(), e.events().getFirst().tsMs(), e, ctx, out);
      default -> out.collect(message);
    }
  }

  /**
   * {@code SERVICE_PERFORMED} is published by the dealer side, which cannot know the vehicle's own
   * {@code seq}; such messages are outside the vehicle's sequence (see docs/wire-contract.md) and
   * pass through. Applying a service twice is harmless downstream.
   */
  static boolean fromDealer(EventMessage message) {
    return message.events().stream().allMatch(e -> e instanceof VehicleEvent.ServicePerformed);
  }

  private void offer(
      MessageSequencer<VehicleMessage> sequencer,
      ValueState<SequenceState> stateHandle,
      long seq,
      long tsMs,
      VehicleMessage message,
      Context ctx,
      Collector<VehicleMessage> out)
      throws Exception {
    SequenceState state = stateHandle.value();
    if (state == null) {
      state = new SequenceState();
    }
    MessageSequencer.Outcome outcome =
        sequencer.offer(state, ctx.getCurrentKey(), seq, tsMs, message, out::collect);
    if (outcome == MessageSequencer.Outcome.DUPLICATE) {
      duplicates.inc();
    }
    rescheduleGapTimer(state, ctx.timerService());
    stateHandle.update(state);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<VehicleMessage> out)
      throws Exception {
    skipGap(telemetrySequencer, telemetryState, timestamp, ctx, out);
    skipGap(eventSequencer, eventState, timestamp, ctx, out);
  }

  private void skipGap(
      MessageSequencer<VehicleMessage> sequencer,
      ValueState<SequenceState> stateHandle,
      long timestamp,
      OnTimerContext ctx,
      Collector<VehicleMessage> out)
      throws Exception {
    SequenceState state = stateHandle.value();
    if (state == null || state.gapTimerMs != timestamp) {
      return;
    }
    state.gapTimerMs = -1;
    skippedSeqs.inc(sequencer.skipGap(state, ctx.getCurrentKey(), out::collect));
    rescheduleGapTimer(state, ctx.timerService());
    stateHandle.update(state);
  }

  /** One timer per gap: set when messages start waiting, removed when the gap fills. */
  private void rescheduleGapTimer(SequenceState state, TimerService timers) {
    if (state.waitingCount() > 0 && state.gapTimerMs < 0) {
      state.gapTimerMs = timers.currentProcessingTime() + gapTimeoutMs;
      timers.registerProcessingTimeTimer(state.gapTimerMs);
    } else if (state.waitingCount() == 0 && state.gapTimerMs >= 0) {
      timers.deleteProcessingTimeTimer(state.gapTimerMs);
      state.gapTimerMs = -1;
    }
  }

  /** Encodes waiting messages with the wire codec, so state holds contract JSON. */
  private record WireCodec(PayloadCodec codec, TopicKind kind)
      implements MessageSequencer.Codec<VehicleMessage> {
    @Override
    public byte[] encode(VehicleMessage message) {
      return codec.encode(message);
    }

    @Override
    public VehicleMessage decode(String vin, byte[] bytes) {
      // Cannot fail: the bytes were produced by encode() from a decoded message of this vehicle.
      return switch (codec.decode(Topic.of(vin, kind), bytes)) {
        case DecodeResult.Accepted a -> a.message();
        case DecodeResult.Rejected r ->
            throw new IllegalStateException("re-decoding a waiting message failed: " + r);
      };
    }
  }
}
