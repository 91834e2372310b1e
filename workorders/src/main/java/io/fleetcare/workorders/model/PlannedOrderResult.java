package io.fleetcare.workorders.model;

/** What storing a planner's order did to the work-order table. */
public enum PlannedOrderResult {
  /** A new order: inserted and audited as CREATED. */
  CREATED,
  /** An open order the planner changed: forecast fields updated, audited as UPDATED. */
  UPDATED,
  /** The same version again (a redelivery or a replay): nothing changed. */
  UNCHANGED,
  /** An older version than the one stored (redelivered out of order): ignored. */
  STALE,
  /** The order is DONE or DISMISSED: the advisor closed it, a planner update does not reopen it. */
  CLOSED;

  /** Whether the table changed. */
  public boolean changed() {
    return this == CREATED || this == UPDATED;
  }
}
