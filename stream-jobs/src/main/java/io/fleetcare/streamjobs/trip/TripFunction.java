package io.fleetcare.streamjobs.trip;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.Trip;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN, after dedup and ordering: emits each vehicle's trips (see {@link TripSegmenter}).
 * Two processing-time timers at most per vehicle: the grace period after {@code IGNITION_OFF}, and
 * the idle cleanup that drops the state of a vehicle quiet for {@link TripOptions#idleTimeout()}.
 */
public final class TripFunction extends KeyedProcessFunction<String, VehicleMessage, Trip> {
  private static final long serialVersionUID = 1L;

  private final TripSegmenter segmenter;
  private final IdleCleanup cleanup;
  private final long closeGraceMs;
  private transient ValueState<TripState> state;

  public TripFunction(TripOptions options) {
    this.segmenter = new TripSegmenter(options);
    this.cleanup = new IdleCleanup(options.idleTimeout());
    this.closeGraceMs = options.closeGrace().toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("trip", TypeInformation.of(TripState.class)));
  }

  @Override
  public void processElement(VehicleMessage message, Context ctx, Collector<Trip> out)
      throws Exception {
    TripState s = state.value();
    if (s == null) {
      s = new TripState();
    }
    segmenter.process(s, message, out::collect);
    scheduleClose(s, ctx.timerService());
    cleanup.touch(s.idle, ctx.timerService());
    state.update(s);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Trip> out) throws Exception {
    TripState s = state.value();
    if (s == null) {
      return;
    }
    String vin = ctx.getCurrentKey();
    if (timestamp == s.closeTimerMs) {
      s.closeTimerMs = -1;
      segmenter.closeOpenTrip(s, vin, out::collect);
    }
    if (cleanup.expired(s.idle, timestamp, ctx.timerService())) {
      // An open trip whose IGNITION_OFF never came is still a trip: emit it before forgetting.
      segmenter.closeOpenTrip(s, vin, out::collect);
      if (s.closeTimerMs >= 0) {
        ctx.timerService().deleteProcessingTimeTimer(s.closeTimerMs);
      }
      state.clear();
      return;
    }
    state.update(s);
  }

  /** A grace timer exactly while an IGNITION_OFF waits for the trip's last samples. */
  private void scheduleClose(TripState s, TimerService timers) {
    boolean waiting = segmenter.awaitingLastSamples(s);
    if (waiting && s.closeTimerMs < 0) {
      s.closeTimerMs = timers.currentProcessingTime() + closeGraceMs;
      timers.registerProcessingTimeTimer(s.closeTimerMs);
    } else if (!waiting && s.closeTimerMs >= 0) {
      timers.deleteProcessingTimeTimer(s.closeTimerMs);
      s.closeTimerMs = -1;
    }
  }
}
