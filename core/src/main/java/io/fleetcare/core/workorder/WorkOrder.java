package io.fleetcare.core.workorder;

import io.fleetcare.core.wire.Vin;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A work order as the planner creates it: the wire fields of {@code
 * fleet/service/{dealerId}/work-orders} plus routing and the customer's personal data. Lifecycle
 * fields (acknowledged, scheduled, done…) are kept by the work-order service.
 *
 * @param id stable identity; {@link #planId} derives one so a replayed plan inserts nothing new
 * @param vin vehicle identification number (17 characters)
 * @param dealerId the dealer the order is routed to, e.g. {@code D001}
 * @param department the dealer department, {@link Department#defaultFor} when the planner has none
 * @param kind maintenance, care offer or fault
 * @param type the service asked for
 * @param urgency URGENT when the component is already critical
 * @param status NEW when planned
 * @param createdAt event time of the telemetry that caused the order
 * @param predictedDate the date the component is predicted to cross its service threshold
 * @param dueFrom first day of the due window
 * @param dueTo last day of the due window (inclusive)
 * @param probability probability (0..1) that the crossing falls within the due window
 * @param evidenceJson evidence as a JSON object text: signal, unit, threshold, series, forecast
 *     (the Evidence shape in /openapi.yaml); never null, {@code {}} when there is none
 * @param modelVersion the model that made the forecast, or null (fault codes, care rules)
 * @param servicePackage recommended service package, e.g. {@code BRAKE-FRONT-PADS}, or null
 * @param customerPhone the customer's phone number, or null; stored encrypted
 * @param location the vehicle's last known position, or null; stored encrypted
 */
public record WorkOrder(
    UUID id,
    String vin,
    String dealerId,
    Department department,
    WorkOrderKind kind,
    WorkOrderType type,
    Urgency urgency,
    WorkOrderStatus status,
    Instant createdAt,
    LocalDate predictedDate,
    LocalDate dueFrom,
    LocalDate dueTo,
    double probability,
    String evidenceJson,
    String modelVersion,
    String servicePackage,
    String customerPhone,
    GeoPoint location)
    implements Serializable {
  public WorkOrder {
    Objects.requireNonNull(id, "id");
    Vin.problem(Objects.requireNonNull(vin, "vin"))
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("bad VIN '" + vin + "': " + p);
            });
    if (dealerId == null || !dealerId.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("bad dealerId '" + dealerId + "'");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    department = department == null ? Department.defaultFor(kind) : department;
    Objects.requireNonNull(urgency, "urgency");
    status = status == null ? WorkOrderStatus.NEW : status;
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(dueFrom, "dueFrom");
    Objects.requireNonNull(dueTo, "dueTo");
    if (dueTo.isBefore(dueFrom)) {
      throw new IllegalArgumentException("dueTo " + dueTo + " is before dueFrom " + dueFrom);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be within 0..1, was " + probability);
    }
    evidenceJson = evidenceJson == null || evidenceJson.isBlank() ? "{}" : evidenceJson;
    if (!evidenceJson.strip().startsWith("{")) {
      throw new IllegalArgumentException("evidence must be a JSON object");
    }
  }

  /**
   * A deterministic id for a planned order: the same vehicle, type and due window always give the
   * same id, so the planner can insert idempotently after a restart.
   */
  public static UUID planId(String vin, WorkOrderType type, LocalDate dueFrom) {
    return UUID.nameUUIDFromBytes(
        ("fleetcare-work-order|" + vin + "|" + type.code() + "|" + dueFrom)
            .getBytes(StandardCharsets.UTF_8));
  }
}
