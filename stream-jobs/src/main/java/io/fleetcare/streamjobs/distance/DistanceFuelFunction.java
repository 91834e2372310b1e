package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: emits every in-order telemetry message for the archive, with the distance and fuel
 * it adds. A vehicle's state is dropped once it has been silent for the idle time (processing
 * time).
 */
public final class DistanceFuelFunction
    extends KeyedProcessFunction<String, VehicleMessage, TelemetryBatchRow> {
  private static final long serialVersionUID = 1L;

  private final DistanceFuelProcessor processor;
  private final IdleCleanup cleanup;
  private transient ValueState<DistanceFuelState> state;
  private transient TelemetryArchive archive;

  /**
   * @param processor the rules
   * @param idle state of a vehicle silent this long (processing time) is dropped
   */
  public DistanceFuelFunction(DistanceFuelProcessor processor, Duration idle) {
    this.processor = processor;
    this.cleanup = new IdleCleanup(idle);
  }

  @Override
  public void open(OpenContext openContext) {
    archive = new TelemetryArchive(new PayloadCodec());
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "distance-fuel", TypeInformation.of(DistanceFuelState.class)));
  }

  @Override
  public void processElement(VehicleMessage message, Context ctx, Collector<TelemetryBatchRow> out)
      throws Exception {
    switch (message) {
      case TelemetryMessage telemetry -> {
        DistanceFuelState current = current();
        out.collect(
            new TelemetryBatchRow(processor.process(current, telemetry), archive.json(telemetry)));
        cleanup.touch(current.idle, ctx.timerService());
        state.update(current);
      }
      case VehicleProfile profile -> {
        DistanceFuelState current = current();
        processor.onProfile(current, profile);
        cleanup.touch(current.idle, ctx.timerService());
        state.update(current);
      }
      default -> {}
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TelemetryBatchRow> out)
      throws Exception {
    DistanceFuelState current = state.value();
    if (current == null) {
      return;
    }
    if (cleanup.expired(current.idle, timestamp, ctx.timerService())) {
      state.clear();
    } else {
      state.update(current);
    }
  }

  private DistanceFuelState current() throws Exception {
    DistanceFuelState current = state.value();
    return current == null ? new DistanceFuelState() : current;
  }
}
