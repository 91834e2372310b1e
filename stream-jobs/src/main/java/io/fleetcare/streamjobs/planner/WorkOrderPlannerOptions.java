package io.fleetcare.streamjobs.planner;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the work-order planner, validated at construction.
 *
 * @param minLeadDays a NORMAL order is due no earlier than this many days after the event day; a
 *     crossing closer than this makes the order URGENT (default 7)
 * @param maxLeadDays an order is planned when the predicted crossing is at most this many days
 *     ahead (or its probability within the window reaches {@code minProbability}); a NORMAL order's
 *     due window ends no later than this (default 15)
 * @param minProbability plan when the forecast's probability of crossing within the window is at
 *     least this, 0..1 (default 0.5)
 * @param updateShiftDays an open order is re-sent (same id) when its predicted date moves by at
 *     least this many days, or when it becomes URGENT (default 3)
 * @param mileageLeadDays a mileage order is due from this many days before the projected milestone
 *     (default 7)
 * @param reopenAfterDays an open order the planner never saw serviced (dismissed, say) stops
 *     blocking a new one this many days after its due window ends (default 30)
 * @param maxSuppressionDays after a SERVICE_PERFORMED the type stays quiet until a forecast shows
 *     it healthy, but at most this many days (default 60)
 * @param faultDueDays a FAULT_CODE order is due within this many days (default 7)
 * @param criticalFaultDueDays a critical FAULT_CODE order is due within this many days (default 1)
 * @param idleTimeout a vehicle without planner input for this long loses its planner state;
 *     processing time (default 180 days)
 * @param careRules the care-offer rules (default {@code planner/care-rules.yaml})
 * @param maintenanceRules service packages and fault-code rules (default {@code
 *     planner/maintenance-rules.yaml})
 */
public record WorkOrderPlannerOptions(
    int minLeadDays,
    int maxLeadDays,
    double minProbability,
    int updateShiftDays,
    int mileageLeadDays,
    int reopenAfterDays,
    int maxSuppressionDays,
    int faultDueDays,
    int criticalFaultDueDays,
    Duration idleTimeout,
    CareRules careRules,
    MaintenanceRules maintenanceRules)
    implements Serializable {
  public WorkOrderPlannerOptions {
    if (minLeadDays < 0 || maxLeadDays < minLeadDays) {
      throw new IllegalArgumentException(
          "need 0 <= minLeadDays <= maxLeadDays, were " + minLeadDays + " and " + maxLeadDays);
    }
    if (!(minProbability > 0 && minProbability <= 1)) {
      throw new IllegalArgumentException("minProbability must be in (0, 1], was " + minProbability);
    }
    if (updateShiftDays < 1
        || mileageLeadDays < 0
        || reopenAfterDays < 0
        || maxSuppressionDays < 1
        || faultDueDays < 0
        || criticalFaultDueDays < 0) {
      throw new IllegalArgumentException(
          "day counts must not be negative (updateShiftDays, maxSuppressionDays >= 1)");
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
    Objects.requireNonNull(careRules, "careRules");
    Objects.requireNonNull(maintenanceRules, "maintenanceRules");
  }

  /** The documented defaults, rules from the class path. */
  public static WorkOrderPlannerOptions defaults() {
    return new WorkOrderPlannerOptions(
        7,
        15,
        0.5,
        3,
        7,
        30,
        60,
        7,
        1,
        Duration.ofDays(180),
        CareRules.defaults(),
        MaintenanceRules.defaults());
  }

  /** These options with a different window (days ahead). */
  public WorkOrderPlannerOptions withWindow(int minLeadDays, int maxLeadDays) {
    return new WorkOrderPlannerOptions(
        minLeadDays,
        maxLeadDays,
        minProbability,
        updateShiftDays,
        mileageLeadDays,
        reopenAfterDays,
        maxSuppressionDays,
        faultDueDays,
        criticalFaultDueDays,
        idleTimeout,
        careRules,
        maintenanceRules);
  }

  /** These options with other care rules. */
  public WorkOrderPlannerOptions withCareRules(CareRules rules) {
    return new WorkOrderPlannerOptions(
        minLeadDays,
        maxLeadDays,
        minProbability,
        updateShiftDays,
        mileageLeadDays,
        reopenAfterDays,
        maxSuppressionDays,
        faultDueDays,
        criticalFaultDueDays,
        idleTimeout,
        rules,
        maintenanceRules);
  }
}
