package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import java.time.Instant;
import java.time.LocalDate;

/** Planner inputs at fixed event times: day 0 is 2026-03-02, 08:00 UTC. */
final class PlannerFixtures {
  static final String VIN = "1HGCM82633A004352";
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final LocalDate DAY0 = LocalDate.parse("2026-03-02");
  static final long DAY_MS = 86_400_000L;

  private PlannerFixtures() {}

  static long at(int day) {
    return T0.toEpochMilli() + day * DAY_MS;
  }

  static LocalDate day(int day) {
    return DAY0.plusDays(day);
  }

  static PlannerInput profile(int modelYear) {
    return PlannerInput.profile(VIN, 0, "D001", modelYear);
  }

  /**
   * A forecast made on {@code day} for a crossing {@code inDays} later (null: none in sight), its
   * 80 % interval two days either side.
   */
  static PlannerInput forecast(WorkOrderType type, int day, Integer inDays, double probability) {
    return forecast(type, day, inDays, inDays == null ? null : inDays + 2, probability);
  }

  /** As above with the interval's late end {@code highInDays} after {@code day}. */
  static PlannerInput forecast(
      WorkOrderType type, int day, Integer inDays, Integer highInDays, double probability) {
    LocalDate predicted = inDays == null ? null : day(day + inDays);
    return PlannerInput.forecast(
        new ComponentForecast(
            VIN,
            type,
            at(day),
            predicted,
            predicted == null ? null : predicted.minusDays(2),
            highInDays == null ? null : day(day + highInDays),
            probability,
            "{\"signal\":\"brake.pad_wear_pct.Row1.Left\",\"unit\":\"percent\",\"threshold\":100,"
                + "\"series\":[{\"ts\":"
                + at(day)
                + ",\"value\":90.0}],\"summary\":\"test\"}",
            "test-model-v1"));
  }

  static PlannerInput fault(int day, String code, FaultCodeChange.Status status) {
    return PlannerInput.fault(
        new FaultCodeChange(VIN, code, status, at(day), at(day), "description of " + code));
  }

  static PlannerInput service(int day, WorkOrderType type) {
    return PlannerInput.service(VIN, at(day), type.code(), 42_000);
  }

  static PlannerInput usage(int day, int trips, double shortTripShare, double commuteKm) {
    return PlannerInput.usage(
        new UsageProfileSnapshot(
            VIN, at(day), trips, shortTripShare, commuteKm, commuteKm, 0.1, 0.05, "commute"));
  }

  static PlannerInput signal(int day, String name, double value) {
    return PlannerInput.signal(new SignalPoint(VIN, at(day), name, value));
  }
}
