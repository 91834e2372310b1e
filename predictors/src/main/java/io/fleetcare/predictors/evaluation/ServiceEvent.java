package io.fleetcare.predictors.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * A component was serviced (its condition reset): ground truth kind {@code SERVICE_PERFORMED}.
 *
 * @param vin the vehicle
 * @param component work-order type code
 * @param at event time of the service
 */
public record ServiceEvent(String vin, String component, Instant at) {
  public ServiceEvent {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(at, "at");
  }
}
