package io.fleetcare.core.workorder;

/** What a work order is about: predicted maintenance, a care offer, or a fault the car reported. */
public enum WorkOrderKind {
  MAINTENANCE,
  CARE,
  FAULT
}
