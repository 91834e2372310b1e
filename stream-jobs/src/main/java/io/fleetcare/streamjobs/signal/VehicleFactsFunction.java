package io.fleetcare.streamjobs.signal;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * What the trip-based operators need from the vehicle's own messages, without the telemetry: the
 * profile, the events, and of each telemetry message only its last odometer reading. Chained before
 * a shuffle, it keeps the full sample stream from being serialized a second time.
 */
public final class VehicleFactsFunction implements FlatMapFunction<VehicleMessage, VehicleMessage> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(VehicleMessage message, Collector<VehicleMessage> out) {
    if (!(message instanceof TelemetryMessage telemetry)) {
      out.collect(message);
      return;
    }
    List<Sample> samples = telemetry.samples();
    for (int i = samples.size() - 1; i >= 0; i--) {
      Sample s = samples.get(i);
      Double odometerM = s.signals().get(SignalCatalogue.TRAVELED_DISTANCE);
      if (odometerM != null) {
        out.collect(
            new TelemetryMessage(
                telemetry.vin(),
                telemetry.seq(),
                List.of(
                    new Sample(s.tsMs(), Map.of(SignalCatalogue.TRAVELED_DISTANCE, odometerM)))));
        return;
      }
    }
  }
}
