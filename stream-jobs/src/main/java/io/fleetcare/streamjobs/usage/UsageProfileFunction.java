package io.fleetcare.streamjobs.usage;

import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: trips → usage-profile snapshots (see {@link UsageProfileProcessor}). State is
 * dropped after {@link UsageOptions#idleTimeout()} without trips.
 */
public final class UsageProfileFunction
    extends KeyedProcessFunction<String, Trip, UsageProfileSnapshot> {
  private static final long serialVersionUID = 1L;

  private final UsageProfileProcessor processor;
  private final IdleCleanup cleanup;
  private transient ValueState<UsageState> state;

  public UsageProfileFunction(UsageOptions options) {
    this.processor = new UsageProfileProcessor(options);
    this.cleanup = new IdleCleanup(options.idleTimeout());
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("usage", TypeInformation.of(UsageState.class)));
  }

  @Override
  public void processElement(Trip trip, Context ctx, Collector<UsageProfileSnapshot> out)
      throws Exception {
    UsageState s = state.value();
    if (s == null) {
      s = new UsageState();
    }
    processor.onTrip(s, trip, out::collect);
    cleanup.touch(s.idle, ctx.timerService());
    state.update(s);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<UsageProfileSnapshot> out)
      throws Exception {
    UsageState s = state.value();
    if (s == null) {
      return;
    }
    if (cleanup.expired(s.idle, timestamp, ctx.timerService())) {
      state.clear();
    } else {
      state.update(s);
    }
  }
}
