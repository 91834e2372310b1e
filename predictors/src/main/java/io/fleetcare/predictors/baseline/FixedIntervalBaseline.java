package io.fleetcare.predictors.baseline;

import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.model.TrendFit;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.model.TrendState;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Baseline: a fixed service schedule by distance or time, counted from the last reset of the
 * component (or, not knowing the part's age, from the first data). Distance comes from the odometer
 * context, projected at the recent km/day; without it, time is used.
 *
 * <p>Intervals: pads 40,000 km, tyres 40,000 km, deposits 30,000 km, 12 V battery 4 years, traction
 * battery 8 years, mileage service every {@link ServiceThresholds#mileageIntervalKm()} of odometer.
 */
public final class FixedIntervalBaseline implements ForecastModel {
  private final TrendForecaster trend;
  private final ServiceThresholds thresholds;

  public FixedIntervalBaseline(ServiceThresholds thresholds) {
    this.thresholds = thresholds;
    this.trend = new TrendForecaster(thresholds, version());
  }

  @Override
  public String version() {
    return "fixed_interval";
  }

  @Override
  public Forecast forecast(ConditionSeries series, VehicleContext ctx, Instant now) {
    TrendState s = trend.state(series, ctx, now);
    if (!s.hasData()) {
      return Baselines.point(series, now, Double.POSITIVE_INFINITY, Map.of(), version());
    }
    Indicator ind = series.indicator();
    Instant since = series.points().get(s.segmentStart()).ts();
    double kmPerDay = kmPerDay(ctx.odometer(), now);
    double days;
    if (ind == Indicator.ODOMETER_KM) {
      double remaining = s.threshold() - s.lastValue();
      days = kmPerDay > 0 ? remaining / kmPerDay : Double.POSITIVE_INFINITY;
    } else {
      double km = km(ind);
      double elapsedDays = (now.toEpochMilli() - since.toEpochMilli()) / 86_400_000.0;
      if (km > 0 && kmPerDay > 0) {
        double driven = odometerAt(ctx.odometer(), now) - odometerAt(ctx.odometer(), since);
        days = (km - driven) / kmPerDay;
      } else {
        days = years(ind) * 365.25 - elapsedDays;
      }
    }
    return Baselines.point(series, now, Math.max(0, days), Map.of("kmPerDay", kmPerDay), version());
  }

  private static double km(Indicator ind) {
    return switch (ind) {
      case PAD_WEAR_PERCENT, TYRE_PRESSURE_RATIO, TREAD_DEPTH_MM -> 40_000;
      case FUEL_DRIFT_PERCENT -> 30_000;
      default -> 0;
    };
  }

  private static double years(Indicator ind) {
    return switch (ind) {
      case CRANKING_MIN_V -> 4;
      case TRACTION_SOH_PERCENT -> 8;
      case PAD_WEAR_PERCENT, TYRE_PRESSURE_RATIO, TREAD_DEPTH_MM -> 3;
      default -> 2;
    };
  }

  private static double kmPerDay(List<ConditionPoint> odo, Instant now) {
    int idx = lastAtOrBefore(odo, now);
    if (idx < 0) {
      return 0;
    }
    TrendFit fit = TrendFit.fit(odo, 0, idx, now, 30);
    return fit.points() >= 3 ? Math.max(0, fit.slopePerDay()) : 0;
  }

  private static double odometerAt(List<ConditionPoint> odo, Instant t) {
    int idx = lastAtOrBefore(odo, t);
    return idx < 0 ? (odo.isEmpty() ? 0 : odo.get(0).value()) : odo.get(idx).value();
  }

  private static int lastAtOrBefore(List<ConditionPoint> pts, Instant now) {
    int found = -1;
    for (int i = 0; i < pts.size() && !pts.get(i).ts().isAfter(now); i++) {
      found = i;
    }
    return found;
  }
}
