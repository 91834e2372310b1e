package io.fleetcare.predictors.series;

import java.time.Instant;

/**
 * One (daily) value of a condition indicator.
 *
 * @param ts event time of the last observation it summarises
 * @param value the value, in the indicator's unit
 */
public record ConditionPoint(Instant ts, double value) {}
