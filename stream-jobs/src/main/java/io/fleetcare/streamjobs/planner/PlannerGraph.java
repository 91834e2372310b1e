package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Adds the planner to a job graph: every operator named and with a uid. {@code TelemetryJob} calls
 * {@link #plan} with its streams and sends the result to {@link MqttWorkOrderSink}.
 */
public final class PlannerGraph {
  private PlannerGraph() {}

  /**
   * INTERIM component forecasts from the signal points, by {@link InterimRuleForecaster}; the
   * predictor operator's output replaces this stream.
   */
  public static SingleOutputStreamOperator<ComponentForecast> interimForecasts(
      DataStream<SignalPoint> signals, InterimForecastOptions options) {
    return signals
        .filter(new SignalFilter(options.rules().stream().map(r -> r.signal()).toList()))
        .name("interim-forecast-signals")
        .uid("interim-forecast-signals")
        .keyBy(SignalPoint::vin)
        .process(new InterimForecastFunction(options))
        .name("interim-forecast")
        .uid("interim-forecast");
  }

  /**
   * The work orders planned from the vehicles' streams.
   *
   * @param ordered the per-vehicle ordered messages (after dedup-and-order): profiles and
   *     SERVICE_PERFORMED are picked out in a chained operator
   * @param forecasts component forecasts (interim or the predictor's)
   * @param faults fault-code changes
   * @param usage usage-profile snapshots
   * @param signals signal points; only those the care rules read go on to the planner
   */
  public static SingleOutputStreamOperator<WorkOrder> plan(
      DataStream<VehicleMessage> ordered,
      DataStream<ComponentForecast> forecasts,
      DataStream<FaultCodeChange> faults,
      DataStream<UsageProfileSnapshot> usage,
      DataStream<SignalPoint> signals,
      WorkOrderPlannerOptions options) {
    TypeInformation<PlannerInput> type = TypeInformation.of(PlannerInput.class);
    DataStream<PlannerInput> fromMessages =
        ordered
            .flatMap(new PlannerInputs())
            .returns(type)
            .name("planner-vehicle-facts")
            .uid("planner-vehicle-facts");
    DataStream<PlannerInput> fromForecasts =
        forecasts
            .map((MapFunction<ComponentForecast, PlannerInput>) PlannerInput::forecast)
            .returns(type)
            .name("planner-forecasts")
            .uid("planner-forecasts");
    DataStream<PlannerInput> fromFaults =
        faults
            .map((MapFunction<FaultCodeChange, PlannerInput>) PlannerInput::fault)
            .returns(type)
            .name("planner-faults")
            .uid("planner-faults");
    DataStream<PlannerInput> fromUsage =
        usage
            .map((MapFunction<UsageProfileSnapshot, PlannerInput>) PlannerInput::usage)
            .returns(type)
            .name("planner-usage")
            .uid("planner-usage");
    DataStream<PlannerInput> fromSignals =
        signals
            .filter(new SignalFilter(options.careRules().signals()))
            .name("planner-care-signals-filter")
            .uid("planner-care-signals-filter")
            .map((MapFunction<SignalPoint, PlannerInput>) PlannerInput::signal)
            .returns(type)
            .name("planner-care-signals")
            .uid("planner-care-signals");
    return fromMessages
        .union(fromForecasts, fromFaults, fromUsage, fromSignals)
        .keyBy(in -> in.vin)
        .process(new WorkOrderPlanFunction(options))
        .name("work-order-planner")
        .uid("work-order-planner");
  }

  /** Keeps the signal points whose name is one of, or a wheel-level name of, the given names. */
  static final class SignalFilter implements FilterFunction<SignalPoint> {
    private static final long serialVersionUID = 1L;
    private final Set<String> names;

    SignalFilter(java.util.Collection<String> names) {
      this.names = Set.copyOf(names);
    }

    @Override
    public boolean filter(SignalPoint p) {
      if (names.contains(p.name())) {
        return true;
      }
      for (String n : names) {
        if (p.name().startsWith(n + ".")) {
          return true;
        }
      }
      return false;
    }
  }
}
