package io.fleetcare.streamjobs.planner;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the work-order planner, validated at construction.
 *
 * @param minLeadDays a NORMAL order is due no earlier than this many days after the event day; a
 *     crossing closer than this makes the order URGENT (default 7)
 * @param maxLeadDays a NORMAL order's due window ends this many days after the event day (default
 *     15)
 * @param planLeadDays an order is planned when the predicted crossing is at most this many days
 *     ahead, minLeadDays..maxLeadDays (default 11, the middle of the window: ordering at the far
 *     edge made optimistic forecasts early orders)
 * @param planOnInterval also plan when the forecast's 80 % interval ends ({@code highDate}) within
 *     {@code maxLeadDays}, i.e. the crossing is inside the window even if it comes late (default
 *     false: on the tuning seed it planned earlier and cost recall and precision, see
 *     docs/predictions.md)
 * @param updateShiftDays an open order is re-sent (same id) when its predicted date moves by at
 *     least this many days, or when it becomes URGENT (default 3)
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
    int planLeadDays,
    boolean planOnInterval,
    int updateShiftDays,
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
    if (planLeadDays < minLeadDays || planLeadDays > maxLeadDays) {
      throw new IllegalArgumentException(
          "need minLeadDays <= planLeadDays <= maxLeadDays, were "
              + minLeadDays
              + ", "
              + planLeadDays
              + " and "
              + maxLeadDays);
    }
    if (updateShiftDays < 1
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
        11,
        false,
        3,
        30,
        60,
        7,
        1,
        Duration.ofDays(180),
        CareRules.defaults(),
        MaintenanceRules.defaults());
  }

  /** These options with a different window (days ahead), planning at its middle (rounded down). */
  public WorkOrderPlannerOptions withWindow(int minLeadDays, int maxLeadDays) {
    return new WorkOrderPlannerOptions(
        minLeadDays,
        maxLeadDays,
        (minLeadDays + maxLeadDays) / 2,
        planOnInterval,
        updateShiftDays,
        reopenAfterDays,
        maxSuppressionDays,
        faultDueDays,
        criticalFaultDueDays,
        idleTimeout,
        careRules,
        maintenanceRules);
  }

  /** These options planning also (or not) when the forecast's interval ends within the window. */
  public WorkOrderPlannerOptions withPlanOnInterval(boolean planOnInterval) {
    return new WorkOrderPlannerOptions(
        minLeadDays,
        maxLeadDays,
        planLeadDays,
        planOnInterval,
        updateShiftDays,
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
        planLeadDays,
        planOnInterval,
        updateShiftDays,
        reopenAfterDays,
        maxSuppressionDays,
        faultDueDays,
        criticalFaultDueDays,
        idleTimeout,
        rules,
        maintenanceRules);
  }
}
