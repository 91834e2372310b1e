package io.fleetcare.core.workorder;

/** Lifecycle: NEW → ACKNOWLEDGED → SCHEDULED → DONE, or DISMISSED from any open status. */
public enum WorkOrderStatus {
  NEW,
  ACKNOWLEDGED,
  SCHEDULED,
  DONE,
  DISMISSED;

  /** DONE and DISMISSED are final. */
  public boolean isOpen() {
    return this != DONE && this != DISMISSED;
  }
}
