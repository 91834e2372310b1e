package io.fleetcare.streamjobs.signal;

/**
 * A change in the lifecycle of a diagnostic trouble code. Stored in {@code fault_code} (one row per
 * vehicle and code, updated) and the work-order planner's trigger for FAULT_CODE orders.
 *
 * @param vin vehicle
 * @param code SAE J2012 code, e.g. P0301
 * @param status SET (first seen), PERSISTENT (still set after the confirmation time or in a later
 *     trip), CLEARED
 * @param tsMs event time of the change
 * @param firstSetMs event time the code was first set in this occurrence
 * @param description plain-language description for common generic codes, else the code's system
 *     and group (e.g. "Powertrain, ignition system or misfire")
 */
public record FaultCodeChange(
    String vin, String code, Status status, long tsMs, long firstSetMs, String description) {
  /** Lifecycle states. */
  public enum Status {
    SET,
    PERSISTENT,
    CLEARED
  }
}
