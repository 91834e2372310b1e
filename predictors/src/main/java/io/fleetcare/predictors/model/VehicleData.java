package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.VehicleContext;
import java.util.List;

/**
 * Everything known about one vehicle for training or backtesting.
 *
 * @param context the vehicle's context
 * @param series its condition series
 */
public record VehicleData(VehicleContext context, List<ConditionSeries> series) {
  public VehicleData {
    series = List.copyOf(series);
  }

  public String vin() {
    return context.vin();
  }
}
