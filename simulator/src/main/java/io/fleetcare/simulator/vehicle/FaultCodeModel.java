package io.fleetcare.simulator.vehicle;

import io.fleetcare.simulator.fleet.FaultPlan;

/**
 * One planned fault: its precursor ramps up in telemetry over the days before the code is set (a
 * lean mixture pushes long-term fuel trim toward +25 %, a failing thermostat lets coolant run
 * colder, a failing alternator lets the charging voltage sag), then the code is set while driving,
 * and a repair clears both.
 */
final class FaultCodeModel {
  private final FaultPlan plan;
  private final long precursorStartMs;
  private final long setMs;
  private boolean set;
  private boolean repaired;

  FaultCodeModel(FaultPlan plan, long simulationStartMs) {
    this.plan = plan;
    this.setMs = simulationStartMs + (long) (plan.setDay() * 86_400_000L);
    this.precursorStartMs = setMs - (long) (plan.precursorDays() * 86_400_000L);
  }

  FaultPlan.FaultKind kind() {
    return plan.kind();
  }

  long precursorStartMs() {
    return precursorStartMs;
  }

  /** Whether the code should be set now (it has not been yet). */
  boolean due(long nowMs) {
    return !set && !repaired && nowMs >= setMs;
  }

  void markSet() {
    set = true;
  }

  void repair() {
    repaired = true;
  }

  boolean isSet() {
    return set && !repaired;
  }

  /** 0 before the precursor starts, rising to 1 when the code sets; 0 after the repair. */
  double precursor(long nowMs) {
    if (!plan.kind().hasPrecursor() || repaired || nowMs < precursorStartMs) {
      return 0;
    }
    if (set || nowMs >= setMs) {
      return 1;
    }
    return (double) (nowMs - precursorStartMs) / Math.max(1, setMs - precursorStartMs);
  }
}
