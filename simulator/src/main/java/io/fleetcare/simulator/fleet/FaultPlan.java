package io.fleetcare.simulator.fleet;

/**
 * A fault code the vehicle will set, decided when the fleet is generated.
 *
 * @param kind what fails, which decides the code and the precursor seen in telemetry
 * @param setDay day of the simulation (fractional) the code is set
 * @param precursorDays how many days before the code its precursor shows in telemetry (0 = none)
 */
public record FaultPlan(FaultKind kind, double setDay, double precursorDays) {

  /** Failures the simulator models. */
  public enum FaultKind {
    /** P0171 system too lean: long-term fuel trim creeps up for weeks first (vacuum leak). */
    LEAN_MIXTURE("P0171", true),
    /** P0128 thermostat stuck open: the coolant runs colder for weeks first. */
    THERMOSTAT("P0128", true),
    /** P0562 system voltage low: the charging voltage sags for weeks first (failing alternator). */
    CHARGING_SYSTEM("P0562", true),
    /** P0442 small evaporative leak: no precursor in telemetry. */
    EVAP_LEAK("P0442", false),
    /** P0420 catalyst efficiency below threshold: no precursor in these signals. */
    CATALYST("P0420", false),
    /** C0035 wheel-speed sensor: no precursor. */
    WHEEL_SPEED_SENSOR("C0035", false);

    private final String code;
    private final boolean hasPrecursor;

    FaultKind(String code, boolean hasPrecursor) {
      this.code = code;
      this.hasPrecursor = hasPrecursor;
    }

    /** The SAE J2012 code set. */
    public String code() {
      return code;
    }

    /** Whether telemetry shows a precursor before the code is set. */
    public boolean hasPrecursor() {
      return hasPrecursor;
    }

    /** Whether the fault needs a combustion engine. */
    public boolean needsEngine() {
      return this != CHARGING_SYSTEM && this != WHEEL_SPEED_SENSOR;
    }
  }
}
