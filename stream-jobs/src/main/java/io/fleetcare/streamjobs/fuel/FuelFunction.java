package io.fleetcare.streamjobs.fuel;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: trips (first input) against the vehicle's fuel baseline, see {@link
 * FuelBaselineProcessor}. The second input is the vehicle's ordered message stream, of which only
 * the profile (BEVs emit nothing) and {@code SERVICE_PERFORMED} events (a cleaning starts a new
 * baseline) are read; telemetry passes without touching state. State is dropped after {@link
 * FuelOptions#idleTimeout()} without trips or such events.
 */
public final class FuelFunction
    extends KeyedCoProcessFunction<String, Trip, VehicleMessage, SignalPoint> {
  private static final long serialVersionUID = 1L;

  private final FuelBaselineProcessor processor;
  private final IdleCleanup cleanup;
  private transient ValueState<FuelState> state;

  public FuelFunction(FuelOptions options) {
    this.processor = new FuelBaselineProcessor(options);
    this.cleanup = new IdleCleanup(options.idleTimeout());
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("fuel", TypeInformation.of(FuelState.class)));
  }

  @Override
  public void processElement1(Trip trip, Context ctx, Collector<SignalPoint> out) throws Exception {
    FuelState s = current();
    processor.onTrip(s, trip, out::collect);
    cleanup.touch(s.idle, ctx.timerService());
    state.update(s);
  }

  @Override
  public void processElement2(VehicleMessage message, Context ctx, Collector<SignalPoint> out)
      throws Exception {
    switch (message) {
      case VehicleProfile profile -> {
        FuelState s = current();
        processor.onProfile(s, profile);
        cleanup.touch(s.idle, ctx.timerService());
        state.update(s);
      }
      case EventMessage events -> {
        FuelState s = null;
        for (VehicleEvent e : events.events()) {
          if (e instanceof VehicleEvent.ServicePerformed service) {
            s = s == null ? current() : s;
            processor.onService(s, service.service(), service.tsMs());
          }
        }
        if (s != null) {
          cleanup.touch(s.idle, ctx.timerService());
          state.update(s);
        }
      }
      default -> {}
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SignalPoint> out)
      throws Exception {
    FuelState s = state.value();
    if (s == null) {
      return;
    }
    if (cleanup.expired(s.idle, timestamp, ctx.timerService())) {
      state.clear();
    } else {
      state.update(s);
    }
  }

  private FuelState current() throws Exception {
    FuelState s = state.value();
    return s == null ? new FuelState() : s;
  }
}
