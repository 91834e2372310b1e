package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.Indicator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A forecast of when a component crosses its service threshold.
 *
 * @param vin the vehicle
 * @param component work-order type code
 * @param indicator the indicator forecast
 * @param at event time of the newest data used (the forecast's own time)
 * @param predictedDate median predicted crossing date (UTC), or null when no crossing is foreseen
 * @param lowDate 10 % quantile of the crossing date, or null
 * @param highDate 90 % quantile of the crossing date, or null
 * @param medianDays median time to the crossing, days from {@code at} (infinite when none foreseen)
 * @param lowDays 10 % quantile of the time to the crossing, days
 * @param highDays 90 % quantile of the time to the crossing, days
 * @param probabilityWithin15Days probability that the crossing comes within 15 days of {@code at}
 * @param evidence signal values and trend behind it (JSON-friendly: numbers and strings)
 * @param modelVersion the model that made it
 */
public record Forecast(
    String vin,
    String component,
    Indicator indicator,
    Instant at,
    LocalDate predictedDate,
    LocalDate lowDate,
    LocalDate highDate,
    double medianDays,
    double lowDays,
    double highDays,
    double probabilityWithin15Days,
    Map<String, Object> evidence,
    String modelVersion) {
  public Forecast {
    evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
  }

  /** This forecast stamped with another model version. */
  public Forecast withVersion(String version) {
    return new Forecast(
        vin,
        component,
        indicator,
        at,
        predictedDate,
        lowDate,
        highDate,
        medianDays,
        lowDays,
        highDays,
        probabilityWithin15Days,
        evidence,
        version);
  }

  /** Whether a crossing is foreseen at all. */
  public boolean foreseen() {
    return predictedDate != null;
  }
}
