package io.fleetcare.predictors.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * A component of a vehicle crossed its service threshold (simulator ground truth, kind {@code
 * THRESHOLD_CROSSED}).
 *
 * @param vin the vehicle
 * @param component work-order type code, e.g. {@code BRAKE_PADS}
 * @param crossedAt event time of the crossing
 */
public record GroundTruthCrossing(String vin, String component, Instant crossedAt) {
  public GroundTruthCrossing {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(crossedAt, "crossedAt");
  }
}
