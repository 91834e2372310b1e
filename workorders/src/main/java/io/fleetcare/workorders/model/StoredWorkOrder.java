package io.fleetcare.workorders.model;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderStatus;
import java.time.Instant;

/**
 * A work order with its lifecycle as the service stores it. Nullable fields are null until the
 * matching action happened.
 *
 * @param receivedAt when the service stored the order (service clock, drives escalation)
 * @param updatedAt last change
 * @param appointmentAt the booked workshop appointment (SCHEDULED)
 * @param serviceRecord what was done (DONE)
 * @param escalatedTo the service manager it was escalated to, or "(no manager)" if the dealer has
 *     none
 */
public record StoredWorkOrder(
    WorkOrder order,
    Instant receivedAt,
    Instant updatedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant scheduledAt,
    Instant appointmentAt,
    Instant doneAt,
    ServiceRecord serviceRecord,
    Instant dismissedAt,
    DismissReason dismissReason,
    String dismissNote,
    Instant escalatedAt,
    String escalatedTo,
    int version) {

  public WorkOrderStatus status() {
    return order.status();
  }
}
