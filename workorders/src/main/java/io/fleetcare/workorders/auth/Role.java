package io.fleetcare.workorders.auth;

/** What a user may do. Everyone but ADMIN is bound to one dealer. */
public enum Role {
  /** Works orders of their dealer. */
  ADVISOR,
  /** Reads orders of their dealer with VIN, phone and location masked; cannot change them. */
  CUSTOMER_SERVICE,
  /** Service manager: like an advisor, and receives escalations. */
  MANAGER,
  /** All dealers; manages users. */
  ADMIN;

  /** Whether the role may acknowledge, schedule, complete or dismiss orders. */
  public boolean mayChangeOrders() {
    return this != CUSTOMER_SERVICE;
  }

  /** Whether VIN, phone and location are masked for the role. */
  public boolean seesMaskedPersonalData() {
    return this == CUSTOMER_SERVICE;
  }
}
