package io.fleetcare.predictors.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Scores of one predictor (model or baseline) against ground truth.
 *
 * @param name what was scored, e.g. {@code model 20260105-…} or {@code threshold_alarm}
 * @param components per component, in report order
 * @param overall all scored components pooled
 * @param outcomes every scored crossing, for reports and plots
 */
public record Scorecard(
    String name,
    Map<String, ComponentScore> components,
    ComponentScore overall,
    List<CrossingOutcome> outcomes) {
  public Scorecard {
    components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
    outcomes = List.copyOf(outcomes);
  }
}
