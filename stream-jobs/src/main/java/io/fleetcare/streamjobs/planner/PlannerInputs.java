package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Picks the planner's few inputs out of a vehicle's ordered messages: the profile (dealer, model
 * year) and SERVICE_PERFORMED events. Chained right after the per-vehicle ordering, so the
 * telemetry itself never crosses the network to the planner.
 */
public final class PlannerInputs implements FlatMapFunction<VehicleMessage, PlannerInput> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(VehicleMessage message, Collector<PlannerInput> out) {
    switch (message) {
      case VehicleProfile p ->
          out.collect(PlannerInput.profile(p.vin(), 0, p.dealerId(), p.modelYear()));
      case EventMessage events -> {
        for (VehicleEvent e : events.events()) {
          if (e instanceof VehicleEvent.ServicePerformed s) {
            out.collect(PlannerInput.service(events.vin(), s.tsMs(), s.service(), s.odometerKm()));
          }
        }
      }
      default -> {}
    }
  }
}
