package io.fleetcare.predictors.evaluation;

import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a fleet's daily series through a forecaster and the {@link OrderPolicy}, as the stream
 * job would have seen them day by day: one forecast per new daily point, from the data up to it.
 */
public final class Backtest {
  private Backtest() {}

  /** The orders {@code model} would have raised for {@code vehicles}. */
  public static List<PredictedOrder> orders(
      ForecastModel model, List<VehicleData> vehicles, OrderPolicy policy) {
    List<PredictedOrder> out = new ArrayList<>();
    for (VehicleData v : vehicles) {
      for (ConditionSeries s : v.series()) {
        for (ConditionPoint p : s.points()) {
          Forecast f = model.forecast(s, v.context(), p.ts());
          policy.offer(f, v.context().lastService(s.component(), p.ts())).ifPresent(out::add);
        }
      }
    }
    return out;
  }
}
