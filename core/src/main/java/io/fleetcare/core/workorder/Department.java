package io.fleetcare.core.workorder;

/** The dealer department an order is routed to. */
public enum Department {
  AFTER_SALES,
  SALES,
  CUSTOMER_SERVICE;

  /**
   * Default routing when the planner names none: care offers go to sales, the rest to after-sales.
   */
  public static Department defaultFor(WorkOrderKind kind) {
    return kind == WorkOrderKind.CARE ? SALES : AFTER_SALES;
  }
}
