package io.fleetcare.workorders.db;

import io.fleetcare.core.workorder.Department;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.crypto.FieldCipher;
import io.fleetcare.workorders.model.AuditEntry;
import io.fleetcare.workorders.model.DismissReason;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.model.OutcomeStats;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.fleetcare.workorders.model.ServiceRecord;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@link WorkOrderRepository} on PostgreSQL over JDBC, run on worker threads. */
public final class JdbcWorkOrderRepository implements WorkOrderRepository {
  private final Jdbc jdbc;
  private final FieldCipher cipher;
  private final WorkOrderWriter writer;

  public JdbcWorkOrderRepository(Jdbc jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.writer = new WorkOrderWriter(cipher);
  }

  @Override
  public Future<Boolean> insert(WorkOrder order, Instant receivedAt, String createdBy) {
    return jdbc.run(c -> writer.insert(c, order, receivedAt, createdBy));
  }

  @Override
  public Future<PlannedOrderResult> applyPlanned(
      WorkOrder order, Instant receivedAt, String actor) {
    return jdbc.inTransaction(
        c -> {
          // Two copies of a new order may race: the loser's insert does nothing, and its second
          // look (a new snapshot under READ COMMITTED) finds the winner's row to update.
          for (int attempt = 0; attempt < 2; attempt++) {
            WorkOrderStatus status;
            Instant plannedAt;
            try (PreparedStatement s = c.prepareStatement(WorkOrderSql.LOCK_PLANNED)) {
              s.setObject(1, order.id());
              try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                  status = null;
                  plannedAt = null;
                } else {
                  status = WorkOrderStatus.valueOf(rs.getString("status"));
                  plannedAt = instant(rs, "planned_at");
                }
              }
            }
            if (status == null) {
              if (writer.insert(c, order, receivedAt, actor)) {
                return PlannedOrderResult.CREATED;
              }
              continue;
            }
            if (status == WorkOrderStatus.DONE || status == WorkOrderStatus.DISMISSED) {
              return PlannedOrderResult.CLOSED;
            }
            if (order.createdAt().isBefore(plannedAt)) {
              return PlannedOrderResult.STALE;
            }
            WorkOrder current = find(c, order.id()).orElseThrow().order();
            JsonObject changes = plannerChanges(current, order);
            if (changes.isEmpty()) {
              return PlannedOrderResult.UNCHANGED;
            }
            updatePlanned(c, order, receivedAt);
            try (PreparedStatement s = c.prepareStatement(WorkOrderSql.AUDIT)) {
              s.setObject(1, order.id());
              s.setTimestamp(2, Timestamp.from(receivedAt));
              s.setString(3, actor);
              s.setString(4, "SYSTEM");
              s.setString(5, "UPDATED");
              s.setString(6, status.name());
              s.setString(7, status.name());
              s.setString(
                  8,
                  new JsonObject()
                      .put("plannedAt", order.createdAt().toString())
                      .put("changes", changes)
                      .encode());
              s.executeUpdate();
            }
            return PlannedOrderResult.UPDATED;
          }
          throw new SQLException("work order " + order.id() + " neither inserted nor found");
        });
  }

  private static void updatePlanned(Connection c, WorkOrder o, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(WorkOrderSql.UPDATE_PLANNED)) {
      int i = 1;
      s.setString(i++, o.urgency().name());
      s.setDate(i++, o.predictedDate() == null ? null : Date.valueOf(o.predictedDate()));
      s.setDate(i++, Date.valueOf(o.dueFrom()));
      s.setDate(i++, Date.valueOf(o.dueTo()));
      s.setDouble(i++, o.probability());
      s.setString(i++, o.evidenceJson());
      s.setString(i++, o.modelVersion());
      s.setString(i++, o.servicePackage());
      s.setTimestamp(i++, Timestamp.from(o.createdAt()));
      s.setTimestamp(i++, Timestamp.from(now));
      s.setObject(i, o.id());
      s.executeUpdate();
    }
  }

  /** The planner's fields that differ, as {@code {field: {from, to}}}; evidence only as changed. */
  static JsonObject plannerChanges(WorkOrder was, WorkOrder now) {
    JsonObject changes = new JsonObject();
    change(changes, "urgency", was.urgency().name(), now.urgency().name());
    change(changes, "predictedDate", text(was.predictedDate()), text(now.predictedDate()));
    change(changes, "dueFrom", text(was.dueFrom()), text(now.dueFrom()));
    change(changes, "dueTo", text(was.dueTo()), text(now.dueTo()));
    if (Double.compare(was.probability(), now.probability()) != 0) {
      changes.put(
          "probability",
          new JsonObject().put("from", was.probability()).put("to", now.probability()));
    }
    change(changes, "modelVersion", was.modelVersion(), now.modelVersion());
    change(changes, "servicePackage", was.servicePackage(), now.servicePackage());
    if (!new JsonObject(was.evidenceJson()).equals(new JsonObject(now.evidenceJson()))) {
      changes.put("evidence", true);
    }
    return changes;
  }

  private static void change(JsonObject changes, String field, String from, String to) {
    if (!Objects.equals(from, to)) {
      changes.put(field, new JsonObject().put("from", from).put("to", to));
    }
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }

  @Override
  public Future<Optional<StoredWorkOrder>> find(UUID id) {
    return jdbc.run(c -> find(c, id));
  }

  private Optional<StoredWorkOrder> find(Connection c, UUID id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(WorkOrderSql.FIND)) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Future<List<StoredWorkOrder>> list(OrderFilter f) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.LIST)) {
            int i = 1;
            i = twice(s, i, f.dealerId(), Types.VARCHAR);
            i = twice(s, i, textArray(c, f.statuses(), Enum::name), Types.ARRAY);
            i = twice(s, i, textArray(c, f.types(), WorkOrderType::code), Types.ARRAY);
            i = twice(s, i, textArray(c, f.urgencies(), Enum::name), Types.ARRAY);
            i = twice(s, i, textArray(c, f.departments(), Enum::name), Types.ARRAY);
            i = twice(s, i, textArray(c, f.kinds(), Enum::name), Types.ARRAY);
            i = twice(s, i, f.vin(), Types.VARCHAR);
            i = twice(s, i, f.dueFrom() == null ? null : Date.valueOf(f.dueFrom()), Types.DATE);
            i = twice(s, i, f.dueTo() == null ? null : Date.valueOf(f.dueTo()), Types.DATE);
            i = twice(s, i, f.escalated(), Types.BOOLEAN);
            s.setInt(i++, f.limit());
            s.setInt(i, f.offset());
            List<StoredWorkOrder> orders = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                orders.add(read(rs));
              }
            }
            return orders;
          }
        });
  }

  private static int twice(PreparedStatement s, int i, Object value, int sqlType)
      throws SQLException {
    for (int k = 0; k < 2; k++) {
      if (value == null) {
        s.setNull(i + k, sqlType);
      } else {
        s.setObject(i + k, value);
      }
    }
    return i + 2;
  }

  private static <T> Array textArray(Connection c, Set<T> values, Function<T, String> name)
      throws SQLException {
    return values.isEmpty()
        ? null
        : c.createArrayOf("text", values.stream().map(name).sorted().toArray());
  }

  @Override
  public Future<List<AuditEntry>> history(UUID id) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.HISTORY)) {
            s.setObject(1, id);
            return readAudit(s);
          }
        });
  }

  @Override
  public Future<List<AuditEntry>> vehicleHistory(String vin, String dealerId) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.VEHICLE_HISTORY)) {
            s.setString(1, vin);
            s.setString(2, dealerId);
            s.setString(3, dealerId);
            return readAudit(s);
          }
        });
  }

  private static List<AuditEntry> readAudit(PreparedStatement s) throws SQLException {
    List<AuditEntry> entries = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        entries.add(
            new AuditEntry(
                rs.getLong("id"),
                rs.getObject("order_id", UUID.class),
                instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("action"),
                status(rs.getString("from_status")),
                status(rs.getString("to_status")),
                rs.getString("detail")));
      }
    }
    return entries;
  }

  @Override
  public Future<Transition> apply(UUID id, LifecycleAction action, ApiUser actor, Instant now) {
    return jdbc.inTransaction(
        c -> {
          WorkOrderStatus current;
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.LOCK_STATUS)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                return new Transition.NotFound();
              }
              current = WorkOrderStatus.valueOf(rs.getString(1));
            }
          }
          if (!action.allowedFrom().contains(current)) {
            return new Transition.Refused(current);
          }
          JsonObject detail = update(c, id, action, actor, now);
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.AUDIT)) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, actor.username());
            s.setString(4, actor.role().name());
            s.setString(5, action.auditName());
            s.setString(6, current.name());
            s.setString(7, action.target().name());
            s.setString(8, detail.encode());
            s.executeUpdate();
          }
          return new Transition.Applied(find(c, id).orElseThrow());
        });
  }

  private static JsonObject update(
      Connection c, UUID id, LifecycleAction action, ApiUser actor, Instant now)
      throws SQLException {
    JsonObject detail = new JsonObject();
    Timestamp at = Timestamp.from(now);
    switch (action) {
      case LifecycleAction.Acknowledge a -> {
        try (PreparedStatement s = c.prepareStatement(WorkOrderSql.ACKNOWLEDGE)) {
          s.setTimestamp(1, at);
          s.setString(2, actor.username());
          s.setTimestamp(3, at);
          s.setObject(4, id);
          s.executeUpdate();
        }
        putIfPresent(detail, "note", a.note());
      }
      case LifecycleAction.Schedule sch -> {
        try (PreparedStatement s = c.prepareStatement(WorkOrderSql.SCHEDULE)) {
          s.setTimestamp(1, at);
          s.setTimestamp(2, Timestamp.from(sch.appointmentAt()));
          s.setTimestamp(3, at);
          s.setObject(4, id);
          s.executeUpdate();
        }
        detail.put("appointmentAt", sch.appointmentAt().toString());
        putIfPresent(detail, "note", sch.note());
      }
      case LifecycleAction.Done d -> {
        ServiceRecord r = d.record();
        try (PreparedStatement s = c.prepareStatement(WorkOrderSql.DONE)) {
          s.setTimestamp(1, at);
          s.setString(2, new JsonArray(r.parts()).encode());
          s.setDouble(3, r.odometerKm());
          if (r.customerScore() == null) {
            s.setNull(4, Types.SMALLINT);
          } else {
            s.setInt(4, r.customerScore());
          }
          s.setString(5, r.notes());
          s.setTimestamp(6, at);
          s.setObject(7, id);
          s.executeUpdate();
        }
        detail
            .put("parts", new JsonArray(r.parts()))
            .put("odometerKm", r.odometerKm())
            .put("customerScore", r.customerScore());
        putIfPresent(detail, "notes", r.notes());
      }
      case LifecycleAction.Dismiss dis -> {
        try (PreparedStatement s = c.prepareStatement(WorkOrderSql.DISMISS)) {
          s.setTimestamp(1, at);
          s.setString(2, dis.reason().name());
          s.setString(3, dis.note());
          s.setTimestamp(4, at);
          s.setObject(5, id);
          s.executeUpdate();
        }
        detail.put("reason", dis.reason().name());
        putIfPresent(detail, "note", dis.note());
      }
    }
    return detail;
  }

  private static void putIfPresent(JsonObject o, String key, String value) {
    if (value != null && !value.isBlank()) {
      o.put(key, value);
    }
  }

  @Override
  public Future<List<UUID>> escalateOverdue(Instant now, Duration after) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.ESCALATE)) {
            Timestamp at = Timestamp.from(now);
            s.setTimestamp(1, Timestamp.from(now.minus(after)));
            s.setTimestamp(2, at);
            s.setTimestamp(3, at);
            s.setTimestamp(4, at);
            s.setString(5, after.toString());
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
              }
            }
            return ids;
          }
        });
  }

  @Override
  public Future<List<PendingServiceEvent>> pendingServiceEvents() {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.PENDING_SERVICE_EVENTS);
              ResultSet rs = s.executeQuery()) {
            List<PendingServiceEvent> pending = new ArrayList<>();
            while (rs.next()) {
              pending.add(
                  new PendingServiceEvent(
                      rs.getObject("id", UUID.class),
                      rs.getString("vin"),
                      rs.getString("type"),
                      instant(rs, "done_at"),
                      rs.getDouble("done_odometer_km")));
            }
            return pending;
          }
        });
  }

  @Override
  public Future<Void> markServiceEventSent(UUID id, Instant at) {
    return jdbc.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.MARK_SERVICE_EVENT_SENT)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setObject(2, id);
            if (s.executeUpdate() == 0) {
              return null;
            }
          }
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.AUDIT)) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, "system");
            s.setString(4, "SYSTEM");
            s.setString(5, "SERVICE_EVENT_SENT");
            s.setString(6, WorkOrderStatus.DONE.name());
            s.setString(7, WorkOrderStatus.DONE.name());
            s.setString(8, "{}");
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Future<List<OutcomeStats>> outcomes(String dealerId) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.OUTCOMES)) {
            s.setString(1, dealerId);
            s.setString(2, dealerId);
            List<OutcomeStats> stats = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                stats.add(
                    new OutcomeStats(
                        rs.getString("type"),
                        rs.getLong("ordered"),
                        rs.getLong("acknowledged"),
                        rs.getLong("scheduled"),
                        rs.getLong("done"),
                        rs.getLong("dismissed"),
                        rs.getLong("false_alarms"),
                        nullableDouble(rs, "mean_ack_seconds"),
                        rs.getLong("score_responses"),
                        nullableDouble(rs, "mean_score"),
                        nullableDouble(rs, "nps")));
              }
            }
            return stats;
          }
        });
  }

  private StoredWorkOrder read(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String rowId = id.toString();
    WorkOrder order =
        new WorkOrder(
            id,
            rs.getString("vin"),
            rs.getString("dealer_id"),
            Department.valueOf(rs.getString("department")),
            WorkOrderKind.valueOf(rs.getString("kind")),
            WorkOrderType.of(rs.getString("type")),
            Urgency.valueOf(rs.getString("urgency")),
            WorkOrderStatus.valueOf(rs.getString("status")),
            instant(rs, "created_at"),
            localDate(rs, "predicted_date"),
            localDate(rs, "due_from"),
            localDate(rs, "due_to"),
            rs.getDouble("probability"),
            rs.getString("evidence"),
            rs.getString("model_version"),
            rs.getString("service_package"),
            cipher.decrypt(rs.getBytes("customer_phone_enc"), rowId),
            WorkOrderWriter.parseLocation(cipher.decrypt(rs.getBytes("location_enc"), rowId)));
    ServiceRecord record = null;
    if (rs.getTimestamp("done_at") != null) {
      String parts = rs.getString("done_parts");
      int score = rs.getInt("customer_score");
      Integer customerScore = rs.wasNull() ? null : score;
      record =
          new ServiceRecord(
              parts == null
                  ? List.of()
                  : new JsonArray(parts).stream().map(String::valueOf).toList(),
              rs.getDouble("done_odometer_km"),
              customerScore,
              rs.getString("done_notes"));
    }
    String reason = rs.getString("dismiss_reason");
    return new StoredWorkOrder(
        order,
        instant(rs, "received_at"),
        instant(rs, "updated_at"),
        instant(rs, "acknowledged_at"),
        rs.getString("acknowledged_by"),
        instant(rs, "scheduled_at"),
        instant(rs, "appointment_at"),
        instant(rs, "done_at"),
        record,
        instant(rs, "dismissed_at"),
        reason == null ? null : DismissReason.valueOf(reason),
        rs.getString("dismiss_note"),
        instant(rs, "escalated_at"),
        rs.getString("escalated_to"),
        rs.getInt("version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static WorkOrderStatus status(String name) {
    return name == null ? null : WorkOrderStatus.valueOf(name);
  }
}
