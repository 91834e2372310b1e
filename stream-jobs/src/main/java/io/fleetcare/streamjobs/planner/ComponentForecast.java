package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.workorder.WorkOrderType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A forecast for one component of one vehicle: when it crosses its service threshold (DESIGN.md,
 * prediction contract). The planner's maintenance input; produced for now by {@link
 * InterimRuleForecaster}, later by the predictor operator.
 *
 * @param vin vehicle
 * @param component the work-order type the component needs when it crosses, e.g. BRAKE_PADS
 * @param tsMs event time of the newest signal behind the forecast (epoch ms); becomes the order's
 *     {@code createdAt}
 * @param predictedDate the date (UTC) of the predicted crossing, or null when no crossing is in
 *     sight (the component is healthy: this re-arms a type suppressed after a service)
 * @param lowDate early end of the interval (p10), or null
 * @param highDate late end of the interval (p90), or null when unbounded
 * @param probabilityWithin15Days probability (0..1) that the crossing falls within 15 days of the
 *     forecast's day
 * @param evidenceJson JSON object: signal, unit, threshold, series [{ts, value}], forecast [{ts,
 *     value, low, high}], summary (the Evidence shape of the advisor page)
 * @param modelVersion the model or rule that made the forecast
 */
public record ComponentForecast(
    String vin,
    WorkOrderType component,
    long tsMs,
    LocalDate predictedDate,
    LocalDate lowDate,
    LocalDate highDate,
    double probabilityWithin15Days,
    String evidenceJson,
    String modelVersion) {
  public ComponentForecast {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(component, "component");
    if (!(probabilityWithin15Days >= 0 && probabilityWithin15Days <= 1)) {
      throw new IllegalArgumentException(
          "probabilityWithin15Days must be within 0..1, was " + probabilityWithin15Days);
    }
    evidenceJson = evidenceJson == null || evidenceJson.isBlank() ? "{}" : evidenceJson;
  }
}
