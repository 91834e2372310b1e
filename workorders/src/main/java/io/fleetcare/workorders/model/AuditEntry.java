package io.fleetcare.workorders.model;

import io.fleetcare.core.workorder.WorkOrderStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of an order's history: who did what, when.
 *
 * @param actor user name, or {@code system} / {@code planner}
 * @param action CREATED, ACKNOWLEDGED, SCHEDULED, DONE, DISMISSED, ESCALATED, SERVICE_EVENT_SENT
 * @param fromStatus status before, null for CREATED and non-status actions
 * @param toStatus status after
 * @param detailJson what was given with the action (appointment, parts, reason…), a JSON object
 */
public record AuditEntry(
    long id,
    UUID orderId,
    Instant at,
    String actor,
    String actorRole,
    String action,
    WorkOrderStatus fromStatus,
    WorkOrderStatus toStatus,
    String detailJson) {}
