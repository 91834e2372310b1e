package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.streamjobs.trip.IdleCleanup;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by VIN: the planner's inputs ({@link PlannerInput}: forecasts, fault-code changes, usage
 * profiles, the signals care rules read, vehicle profiles, SERVICE_PERFORMED) → new and changed
 * work orders, by {@link WorkOrderPlanner}. State: the vehicle's facts, one small entry per
 * work-order type that has something to remember, and the newest values of the care rules' signals;
 * all of it is dropped after {@link WorkOrderPlannerOptions#idleTimeout()} without input (one
 * processing-time timer per vehicle).
 */
public final class WorkOrderPlanFunction
    extends KeyedProcessFunction<String, PlannerInput, WorkOrder> {
  private static final long serialVersionUID = 1L;

  private final WorkOrderPlanner planner;
  private final IdleCleanup cleanup;
  private transient ValueState<PlannerVehicleState> vehicle;
  private transient MapState<String, PlannerTypeState> types;
  private transient MapState<String, Double> signals;

  public WorkOrderPlanFunction(WorkOrderPlannerOptions options) {
    this.planner = new WorkOrderPlanner(options);
    this.cleanup = new IdleCleanup(options.idleTimeout());
  }

  @Override
  public void open(OpenContext openContext) {
    vehicle =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "planner-vehicle", TypeInformation.of(PlannerVehicleState.class)));
    types =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "planner-types", Types.STRING, TypeInformation.of(PlannerTypeState.class)));
    signals =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("planner-signals", Types.STRING, Types.DOUBLE));
  }

  @Override
  public void processElement(PlannerInput in, Context ctx, Collector<WorkOrder> out)
      throws Exception {
    if (in.kind == PlannerInput.Kind.SIGNAL && !planner.readsSignal(in.signal.name())) {
      return;
    }
    PlannerVehicleState v = vehicle.value();
    v = v == null ? new PlannerVehicleState() : v;
    planner.onInput(v, KeyedStore.of(types), KeyedStore.of(signals), in, out::collect);
    cleanup.touch(v.idle, ctx.timerService());
    vehicle.update(v);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WorkOrder> out)
      throws Exception {
    PlannerVehicleState v = vehicle.value();
    if (v == null) {
      return;
    }
    if (cleanup.expired(v.idle, timestamp, ctx.timerService())) {
      vehicle.clear();
      types.clear();
      signals.clear();
    } else {
      vehicle.update(v);
    }
  }
}
