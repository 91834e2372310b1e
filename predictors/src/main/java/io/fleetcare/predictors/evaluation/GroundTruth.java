package io.fleetcare.predictors.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * What really happened to a fleet: threshold crossings and services.
 *
 * @param crossings threshold crossings
 * @param services services (component resets)
 * @param start start of the observed period (first record or the run's start), or null
 * @param end end of the observed period (exclusive), or null when unknown
 */
public record GroundTruth(
    List<GroundTruthCrossing> crossings, List<ServiceEvent> services, Instant start, Instant end) {
  public GroundTruth {
    crossings = List.copyOf(crossings);
    services = List.copyOf(services);
  }
}
