package io.fleetcare.predictors.evaluation;

/**
 * The scorecard line of one component (or of all, {@code overall}).
 *
 * @param component work-order type code, or {@code overall}
 * @param crossings scored crossings
 * @param onTime crossings with an order 7–15 days ahead
 * @param early crossings whose first order came more than 15 days ahead (none on time)
 * @param late crossings whose orders all came less than 7 days ahead or after the crossing
 * @param missed crossings without any order (the "late or none" is late + missed)
 * @param orders scored orders (unresolved ones left out)
 * @param truePositives crossings that got at least one order: each counts once, however many orders
 *     referred to it
 * @param falseAlarms groups of orders not followed by a crossing (orders of a vehicle and component
 *     whose due windows plus tolerance overlap form one group)
 * @param duplicates orders beyond the first that referred to an already ordered crossing
 * @param unresolved orders left out: no crossing yet, but the evaluated period ended before their
 *     due window plus tolerance, or they refer to a crossing outside the period
 * @param recall onTime / crossings (NaN without crossings)
 * @param precision truePositives / (truePositives + falseAlarms) (NaN without orders)
 * @param medianDateErrorDays median |predicted − actual date| over ordered crossings (NaN if none)
 * @param p90DateErrorDays 90th percentile of the same (NaN if none)
 */
public record ComponentScore(
    String component,
    int crossings,
    int onTime,
    int early,
    int late,
    int missed,
    int orders,
    int truePositives,
    int falseAlarms,
    int duplicates,
    int unresolved,
    double recall,
    double precision,
    double medianDateErrorDays,
    double p90DateErrorDays) {}
