package io.fleetcare.workorders.db;

import io.fleetcare.core.workorder.Department;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which orders to list; empty sets and nulls mean "any".
 *
 * @param dealerId only this dealer's orders, null for all dealers
 * @param dueFrom orders whose due window ends on or after this day
 * @param dueTo orders whose due window starts on or before this day
 * @param escalated only escalated (true) or not escalated (false) orders, null for both
 * @param limit at most this many, 1..500
 */
public record OrderFilter(
    String dealerId,
    Set<WorkOrderStatus> statuses,
    Set<WorkOrderType> types,
    Set<Urgency> urgencies,
    Set<Department> departments,
    Set<WorkOrderKind> kinds,
    String vin,
    LocalDate dueFrom,
    LocalDate dueTo,
    Boolean escalated,
    int limit,
    int offset) {
  public static final int MAX_LIMIT = 500;

  public OrderFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    types = types == null ? Set.of() : Set.copyOf(types);
    urgencies = urgencies == null ? Set.of() : Set.copyOf(urgencies);
    departments = departments == null ? Set.of() : Set.copyOf(departments);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
      throw new IllegalArgumentException("dueTo " + dueTo + " is before dueFrom " + dueFrom);
    }
  }

  /** Everything of one dealer (null: all dealers), newest limit. */
  public static OrderFilter dealer(String dealerId) {
    return new OrderFilter(dealerId, null, null, null, null, null, null, null, null, null, 100, 0);
  }

  /** All orders of one vehicle at one dealer (null: all dealers). */
  public static OrderFilter vehicle(String dealerId, String vin) {
    return new OrderFilter(
        dealerId, null, null, null, null, null, vin, null, null, null, MAX_LIMIT, 0);
  }
}
