package io.fleetcare.workorders;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.db.OrderFilter;
import io.fleetcare.workorders.model.AuditEntry;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.model.OutcomeStats;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What advisors and the planner can do with work orders. Every caller-facing method checks the
 * caller's dealer and role; refusals fail the future with a {@link ServiceException}.
 */
public interface WorkOrderService {

  /** Orders matching the filter; a non-admin sees only their dealer's (403 for another dealer). */
  Future<List<StoredWorkOrder>> list(ApiUser caller, OrderFilter filter);

  /** One order with its history (403 if it belongs to another dealer). */
  Future<OrderDetail> detail(ApiUser caller, UUID id);

  /** The health record of the vehicle of an order: its orders, signal history and timeline. */
  Future<VehicleHealth> healthOfOrder(ApiUser caller, UUID id);

  /** The health record of a vehicle (404 if the caller sees no order of it). */
  Future<VehicleHealth> healthOfVehicle(ApiUser caller, String vin);

  /** Applies a lifecycle action (409 if the order's status does not allow it). */
  Future<StoredWorkOrder> act(ApiUser caller, UUID id, LifecycleAction action);

  /** Outcome figures per type, for the caller's dealer (admin: {@code dealerId} or all). */
  Future<List<OutcomeStats>> outcomes(ApiUser caller, String dealerId);

  /** Exchanges a user name and password for a token (401 if they do not match). */
  Future<Login> login(String username, String password);

  /** The user a bearer token belongs to (401 if unknown or expired). */
  Future<ApiUser> authenticate(String token);

  /** Stores a planned order unless its id exists; true when stored. */
  Future<Boolean> submit(WorkOrder order, String createdBy);

  /**
   * Stores a planner's new or changed order: a new id is inserted, an open order gets the planner's
   * newer forecast (advisor-owned state untouched, audited as UPDATED), a DONE or DISMISSED order
   * stays closed. Every change reaches the live feed.
   */
  Future<PlannedOrderResult> applyPlanned(WorkOrder order, String actor);

  /** Escalates orders not acknowledged in time; returns the ids escalated. */
  Future<List<UUID>> escalateOverdue();

  /** Sends SERVICE_PERFORMED events of done orders not sent yet; returns how many were sent. */
  Future<Integer> sendPendingServiceEvents();

  /** An order and its audit trail. */
  record OrderDetail(StoredWorkOrder order, List<AuditEntry> history) {}

  /** A vehicle's orders (newest first) and the audit trail of all of them (oldest first). */
  record VehicleHealth(String vin, List<StoredWorkOrder> orders, List<AuditEntry> timeline) {}

  /** A token issued by {@link #login}. */
  record Login(String token, Instant expiresAt, ApiUser user) {}
}
