package io.fleetcare.predictors.evaluation;

/**
 * How one crossing was scored.
 *
 * @param crossing the crossing
 * @param outcome on time, early, late or missed
 * @param order the order that decided the outcome (the first on-time one, else the earliest), or
 *     null when missed
 * @param leadDays crossing minus the deciding order's creation, in days (NaN when missed)
 * @param dateErrorDays |predicted date − crossing date| (UTC dates) of the deciding order, in days
 *     (-1 when missed)
 * @param orders how many orders referred to this crossing
 */
public record CrossingOutcome(
    GroundTruthCrossing crossing,
    Outcome outcome,
    PredictedOrder order,
    double leadDays,
    long dateErrorDays,
    int orders) {}
