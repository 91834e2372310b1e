package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Keyed by VIN: emits the distance and fuel of every in-order telemetry message. */
public final class DistanceFuelFunction
    extends KeyedProcessFunction<String, VehicleMessage, DistanceFuelIncrement> {
  private static final long serialVersionUID = 1L;

  private final DistanceFuelProcessor processor;
  private transient ValueState<DistanceFuelState> state;

  public DistanceFuelFunction(DistanceFuelProcessor processor) {
    this.processor = processor;
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "distance-fuel", TypeInformation.of(DistanceFuelState.class)));
  }

  @Override
  public void processElement(
      VehicleMessage message, Context ctx, Collector<DistanceFuelIncrement> out) throws Exception {
    switch (message) {
      case TelemetryMessage telemetry -> {
        DistanceFuelState current = current();
        out.collect(processor.process(current, telemetry));
        state.update(current);
      }
      case VehicleProfile profile -> {
        DistanceFuelState current = current();
        processor.onProfile(current, profile);
        state.update(current);
      }
      default -> {}
    }
  }

  private DistanceFuelState current() throws Exception {
    DistanceFuelState current = state.value();
    return current == null ? new DistanceFuelState() : current;
  }
}
