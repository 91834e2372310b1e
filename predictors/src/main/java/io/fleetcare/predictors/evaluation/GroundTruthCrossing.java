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
 * @param threshold the ground truth's description of the threshold crossed, e.g. {@code tread < 3
 *     mm} (tells the two tyre thresholds apart); empty when not known
 */
public record GroundTruthCrossing(
    String vin, String component, Instant crossedAt, String threshold) {
  public GroundTruthCrossing {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(crossedAt, "crossedAt");
    Objects.requireNonNull(threshold, "threshold");
  }

  /** A crossing whose threshold description is not known. */
  public GroundTruthCrossing(String vin, String component, Instant crossedAt) {
    this(vin, component, crossedAt, "");
  }
}
