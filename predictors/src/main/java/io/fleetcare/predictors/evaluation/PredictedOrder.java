package io.fleetcare.predictors.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A work order (or an order a baseline would have raised) as the scorecard sees it.
 *
 * @param vin the vehicle
 * @param component work-order type code, e.g. {@code BRAKE_PADS}
 * @param createdAt event time the order was raised (the telemetry that caused it)
 * @param predictedDate the date (UTC) the component is predicted to cross its threshold
 * @param dueFrom first day of the due window (UTC)
 * @param dueTo last day of the due window (UTC, inclusive)
 */
public record PredictedOrder(
    String vin,
    String component,
    Instant createdAt,
    LocalDate predictedDate,
    LocalDate dueFrom,
    LocalDate dueTo) {
  public PredictedOrder {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(predictedDate, "predictedDate");
    Objects.requireNonNull(dueFrom, "dueFrom");
    Objects.requireNonNull(dueTo, "dueTo");
    if (dueTo.isBefore(dueFrom)) {
      throw new IllegalArgumentException("dueTo " + dueTo + " is before dueFrom " + dueFrom);
    }
  }
}
