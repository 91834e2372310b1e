package io.fleetcare.workorders.model;

/** Why an order was dismissed; stored as the training label of the prediction. */
public enum DismissReason {
  FALSE_ALARM,
  CUSTOMER_DECLINED,
  DUPLICATE,
  ALREADY_SERVICED,
  VEHICLE_SOLD,
  OTHER
}
