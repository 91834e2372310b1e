package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: emits every in-order telemetry message for the archive, with the distance and fuel
 * it adds.
 */
public final class DistanceFuelFunction
    extends KeyedProcessFunction<String, VehicleMessage, TelemetryBatchRow> {
  private static final long serialVersionUID = 1L;

  private final DistanceFuelProcessor processor;
  private transient ValueState<DistanceFuelState> state;
  private transient TelemetryArchive archive;

  public DistanceFuelFunction(DistanceFuelProcessor processor) {
    this.processor = processor;
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
