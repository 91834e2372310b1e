package io.fleetcare.streamjobs.mileage;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: trips (first input) and the vehicle's ordered messages (second input: odometer
 * readings from telemetry, the dealer's odometer from {@code SERVICE_PERFORMED}) → km/day, odometer
 * and days to the next service milestone, see {@link MileageProcessor}. State is dropped after
 * {@link MileageOptions#idleTimeout()} without input.
 */
public final class MileageFunction
    extends KeyedCoProcessFunction<String, Trip, VehicleMessage, SignalPoint> {
  private static final long serialVersionUID = 1L;

  private final MileageProcessor processor;
  private final IdleCleanup cleanup;
  private transient ValueState<MileageState> state;

  public MileageFunction(MileageOptions options) {
    this.processor = new MileageProcessor(options);
    this.cleanup = new IdleCleanup(options.idleTimeout());
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("mileage", TypeInformation.of(MileageState.class)));
  }

  @Override
  public void processElement1(Trip trip, Context ctx, Collector<SignalPoint> out) throws Exception {
    MileageState s = current();
    processor.onTrip(s, trip, out::collect);
    cleanup.touch(s.idle, ctx.timerService());
    state.update(s);
  }

  @Override
  public void processElement2(VehicleMessage message, Context ctx, Collector<SignalPoint> out)
      throws Exception {
    MileageState s = null;
    switch (message) {
      case TelemetryMessage t -> {
        // Only the newest reading matters; most cars that report it do so in every sample.
        List<Sample> samples = t.samples();
        for (int i = samples.size() - 1; i >= 0; i--) {
          Sample sample = samples.get(i);
          if (sample.has(SignalCatalogue.TRAVELED_DISTANCE)) {
            s = current();
            processor.onOdometer(
                s, sample.tsMs(), sample.valueOr(SignalCatalogue.TRAVELED_DISTANCE, 0) / 1000);
            break;
          }
        }
      }
      case EventMessage events -> {
        for (VehicleEvent e : events.events()) {
          if (e instanceof VehicleEvent.ServicePerformed service) {
            s = s == null ? current() : s;
            processor.onService(s, service.tsMs(), service.odometerKm());
          }
        }
      }
      default -> {}
    }
    if (s != null) {
      cleanup.touch(s.idle, ctx.timerService());
      state.update(s);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SignalPoint> out)
      throws Exception {
    MileageState s = state.value();
    if (s == null) {
      return;
    }
    if (cleanup.expired(s.idle, timestamp, ctx.timerService())) {
      state.clear();
    } else {
      state.update(s);
    }
  }

  private MileageState current() throws Exception {
    MileageState s = state.value();
    return s == null ? new MileageState() : s;
  }
}
