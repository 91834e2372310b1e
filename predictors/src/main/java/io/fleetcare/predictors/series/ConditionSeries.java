package io.fleetcare.predictors.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The time series of one condition indicator of one vehicle, in time order.
 *
 * @param vin the vehicle
 * @param component the work-order type it predicts (that of {@code indicator})
 * @param indicator which indicator
 * @param points the values, in time order
 */
public record ConditionSeries(
    String vin, String component, Indicator indicator, List<ConditionPoint> points) {
  public ConditionSeries {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(indicator, "indicator");
    component = component == null ? indicator.component() : component;
    points = List.copyOf(points);
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).ts().isBefore(points.get(i - 1).ts())) {
        throw new IllegalArgumentException("points must be in time order");
      }
    }
  }

  /** A series of {@code indicator}'s component. */
  public ConditionSeries(String vin, Indicator indicator, List<ConditionPoint> points) {
    this(vin, indicator.component(), indicator, points);
  }

  /** The points at or before {@code now}. */
  public ConditionSeries upTo(Instant now) {
    List<ConditionPoint> out = new ArrayList<>();
    for (ConditionPoint p : points) {
      if (p.ts().isAfter(now)) {
        break;
      }
      out.add(p);
    }
    return new ConditionSeries(vin, component, indicator, out);
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  public ConditionPoint last() {
    return points.get(points.size() - 1);
  }
}
