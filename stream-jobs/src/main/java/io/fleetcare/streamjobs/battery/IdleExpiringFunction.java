package io.fleetcare.streamjobs.battery;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: holds one POJO state per vehicle, hands every message to a processor and clears the
 * state once the vehicle has been silent for {@code idle} of processing time. Shared by the
 * battery, brake, tyre and fault-code operators; the expiry itself is {@link IdleCleanup}, as in
 * the trip, fuel, mileage, usage and planner operators.
 */
public abstract class IdleExpiringFunction<S extends IdleExpiringState, OUT>
    extends KeyedProcessFunction<String, VehicleMessage, OUT> {
  private static final long serialVersionUID = 1L;

  private final IdleCleanup cleanup;
  private final String stateName;
  private final Class<S> stateType;
  private transient ValueState<S> state;

  protected IdleExpiringFunction(Duration idle, String stateName, Class<S> stateType) {
    this.cleanup = new IdleCleanup(idle);
    this.stateName = stateName;
    this.stateType = stateType;
  }

  /** A fresh state for a vehicle seen for the first time (or again after expiry). */
  protected abstract S newState();

  /** Applies {@code message} to {@code current}, emitting results to {@code out}. */
  protected abstract void process(String vin, S current, VehicleMessage message, Consumer<OUT> out);

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>(stateName, TypeInformation.of(stateType)));
  }

  @Override
  public void processElement(VehicleMessage message, Context ctx, Collector<OUT> out)
      throws Exception {
    S current = state.value();
    if (current == null) {
      current = newState();
    }
    process(ctx.getCurrentKey(), current, message, out::collect);
    cleanup.touch(current.idle, ctx.timerService());
    state.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    S current = state.value();
    if (current == null) {
      return;
    }
    if (cleanup.expired(current.idle, timestamp, ctx.timerService())) {
      state.clear();
    } else {
      state.update(current);
    }
  }
}
