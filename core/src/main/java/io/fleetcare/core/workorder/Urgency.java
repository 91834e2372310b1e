package io.fleetcare.core.workorder;

/** URGENT when the component is already critical (due earlier than 7 days out). */
public enum Urgency {
  NORMAL,
  URGENT
}
