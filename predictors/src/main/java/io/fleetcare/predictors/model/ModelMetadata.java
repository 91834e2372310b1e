package io.fleetcare.predictors.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a model file says about itself ({@code model.json}).
 *
 * @param version model version, e.g. {@code fc-20260105T120000Z-3f2a9c1b}
 * @param createdAt when it was trained (wall clock)
 * @param smileVersion the Smile version that trained it
 * @param features feature names, in order
 * @param thresholds the service thresholds it was trained for, by name
 * @param fingerprint SHA-256 (hex) of the training rows (features and targets)
 * @param training facts about the training data (vehicles, rows per indicator, sources)
 * @param metrics held-out metrics per indicator, and whatever scorecard numbers were added
 * @param indicators per indicator: {@code trend+gbm} or {@code trend}
 */
public record ModelMetadata(
    String version,
    Instant createdAt,
    String smileVersion,
    List<String> features,
    Map<String, Double> thresholds,
    String fingerprint,
    Map<String, Object> training,
    Map<String, Object> metrics,
    Map<String, String> indicators) {}
