package io.fleetcare.app.evaluate;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.predictors.baseline.Baselines;
import io.fleetcare.predictors.evaluation.Backtest;
import io.fleetcare.predictors.evaluation.EvaluationOptions;
import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.OrderPolicy;
import io.fleetcare.predictors.evaluation.PredictedOrder;
import io.fleetcare.predictors.evaluation.Scorecard;
import io.fleetcare.predictors.evaluation.ScorecardEvaluator;
import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.ServiceThresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores orders and the baselines against a fleet's ground truth, the same way for both. */
public final class FleetScoring {
  /** Days at the start of a simulated run that are not scored (too little history). */
  public static final Duration WARM_UP = Duration.ofDays(14);

  private FleetScoring() {}

  /** The scoring rules for {@code truth}'s period, after the warm-up. */
  public static EvaluationOptions options(GroundTruth truth) {
    if (truth.start() == null) {
      return EvaluationOptions.DEFAULTS;
    }
    return EvaluationOptions.DEFAULTS.withPeriod(truth.start().plus(WARM_UP), truth.end());
  }

  /**
   * The job's maintenance work orders as the scorecard sees them: each order once, as first sent
   * (an update under the same id is the same order; its first creation decides its lead).
   */
  public static List<PredictedOrder> orders(List<WorkOrder> workOrders) {
    List<WorkOrder> sorted = new ArrayList<>(workOrders);
    sorted.sort(Comparator.comparing(WorkOrder::createdAt));
    Set<Object> seen = new HashSet<>();
    List<PredictedOrder> out = new ArrayList<>();
    for (WorkOrder w : sorted) {
      if (w.kind() != WorkOrderKind.MAINTENANCE || w.predictedDate() == null || !seen.add(w.id())) {
        continue;
      }
      out.add(
          new PredictedOrder(
              w.vin(), w.type().code(), w.createdAt(), w.predictedDate(), w.dueFrom(), w.dueTo()));
    }
    return out;
  }

  /**
   * The served model's forecasts turned into orders by the reference {@link OrderPolicy} instead of
   * the job's planner, on the same fleet: tells forecast quality apart from the planner's rule.
   */
  public static Scorecard referencePolicy(
      io.fleetcare.predictors.model.ForecastModel model,
      List<VehicleData> vehicles,
      GroundTruth truth,
      EvaluationOptions options) {
    return new ScorecardEvaluator(options)
        .score(
            model.version() + " + reference policy",
            truth,
            Backtest.orders(model, vehicles, new OrderPolicy()));
  }

  /** Every baseline's orders (through the reference {@link OrderPolicy}) scored. */
  public static Map<String, Scorecard> baselines(
      List<VehicleData> vehicles, GroundTruth truth, EvaluationOptions options) {
    ScorecardEvaluator evaluator = new ScorecardEvaluator(options);
    Map<String, Scorecard> out = new LinkedHashMap<>();
    Baselines.all(ServiceThresholds.DEFAULTS)
        .forEach(
            (name, model) ->
                out.put(
                    name,
                    evaluator.score(
                        name, truth, Backtest.orders(model, vehicles, new OrderPolicy()))));
    return out;
  }
}
