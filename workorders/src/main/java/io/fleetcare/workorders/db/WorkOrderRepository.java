package io.fleetcare.workorders.db;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.model.AuditEntry;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.model.OutcomeStats;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The work-order store. Every method runs its SQL off the event loop. */
public interface WorkOrderRepository {

  /** Inserts an order unless its id exists; true when inserted. Audited as CREATED. */
  Future<Boolean> insert(WorkOrder order, Instant receivedAt, String createdBy);

  /**
   * Stores a planner's order in one transaction: inserts it when its id is new; updates an open
   * order (NEW, ACKNOWLEDGED, SCHEDULED) when this version is at least as new as the stored one
   * ({@code createdAt} is the planner's event time) and differs in the planner's fields (urgency,
   * predicted date, due window, probability, evidence, model version, service package), audited as
   * UPDATED with what changed; leaves DONE and DISMISSED orders alone.
   *
   * @param receivedAt service-clock time (of the insert, or of the update's audit entry)
   * @param actor who planned it, e.g. {@code planner}
   */
  Future<PlannedOrderResult> applyPlanned(WorkOrder order, Instant receivedAt, String actor);

  Future<Optional<StoredWorkOrder>> find(UUID id);

  Future<List<StoredWorkOrder>> list(OrderFilter filter);

  /** The order's audit trail, oldest first. */
  Future<List<AuditEntry>> history(UUID id);

  /** The audit trail of every order of a vehicle (at one dealer; null for all), oldest first. */
  Future<List<AuditEntry>> vehicleHistory(String vin, String dealerId);

  /**
   * Applies a lifecycle action and audits it in one transaction, if the order's current status
   * allows it.
   */
  Future<Transition> apply(UUID id, LifecycleAction action, ApiUser actor, Instant now);

  /**
   * Escalates NEW orders received on or before {@code now - after} that are not escalated yet.
   *
   * @return the ids escalated
   */
  Future<List<UUID>> escalateOverdue(Instant now, Duration after);

  /** DONE orders whose SERVICE_PERFORMED event has not been sent yet. */
  Future<List<PendingServiceEvent>> pendingServiceEvents();

  /** Records that the SERVICE_PERFORMED event of an order was sent. */
  Future<Void> markServiceEventSent(UUID id, Instant at);

  /** Outcome figures per order type (at one dealer; null for all). */
  Future<List<OutcomeStats>> outcomes(String dealerId);

  /** The result of {@link #apply}. */
  sealed interface Transition {
    /** Applied; the order as it is now. */
    record Applied(StoredWorkOrder order) implements Transition {}

    /** The order's status does not allow the action. */
    record Refused(WorkOrderStatus current) implements Transition {}

    /** No such order. */
    record NotFound() implements Transition {}
  }

  /** A SERVICE_PERFORMED event still to send. */
  record PendingServiceEvent(
      UUID orderId, String vin, String service, Instant doneAt, double odometerKm) {}
}
