package io.fleetcare.workorders.db;

import io.fleetcare.core.workorder.GeoPoint;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.crypto.FieldCipher;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Inserts work orders with plain JDBC (no Vert.x), encrypting the personal fields. This is the
 * planner's way in: a Flink JDBC sink can call {@link #insert} per order; a replayed order (same
 * id) inserts nothing.
 */
public final class WorkOrderWriter {
  private final FieldCipher cipher;

  public WorkOrderWriter(FieldCipher cipher) {
    this.cipher = cipher;
  }

  /**
   * Inserts {@code order} unless an order with its id exists.
   *
   * @param receivedAt service-clock time of receipt (escalation counts from here)
   * @param createdBy who created it, e.g. {@code planner}
   * @return whether a row was inserted
   */
  public boolean insert(Connection c, WorkOrder order, Instant receivedAt, String createdBy)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(WorkOrderSql.INSERT)) {
      bind(s, order, receivedAt, createdBy);
      return s.executeUpdate() == 1;
    }
  }

  /** Binds the 21 parameters of the insert statement (for batching sinks). */
  public void bind(PreparedStatement s, WorkOrder o, Instant receivedAt, String createdBy)
      throws SQLException {
    String rowId = o.id().toString();
    int i = 1;
    s.setObject(i++, o.id());
    s.setString(i++, o.vin());
    s.setString(i++, o.dealerId());
    s.setString(i++, o.department().name());
    s.setString(i++, o.kind().name());
    s.setString(i++, o.type().code());
    s.setString(i++, o.urgency().name());
    s.setString(i++, o.status().name());
    s.setTimestamp(i++, Timestamp.from(o.createdAt()));
    s.setTimestamp(i++, Timestamp.from(receivedAt));
    s.setTimestamp(i++, Timestamp.from(receivedAt));
    s.setDate(i++, o.predictedDate() == null ? null : Date.valueOf(o.predictedDate()));
    s.setDate(i++, Date.valueOf(o.dueFrom()));
    s.setDate(i++, Date.valueOf(o.dueTo()));
    s.setDouble(i++, o.probability());
    s.setString(i++, o.evidenceJson());
    s.setString(i++, o.modelVersion());
    s.setString(i++, o.servicePackage());
    s.setBytes(i++, cipher.encrypt(o.customerPhone(), rowId));
    s.setBytes(i++, cipher.encrypt(locationText(o.location()), rowId));
    s.setString(i, createdBy);
  }

  static String locationText(GeoPoint p) {
    return p == null ? null : String.format(Locale.ROOT, "%.6f,%.6f", p.latitude(), p.longitude());
  }

  static GeoPoint parseLocation(String text) {
    if (text == null) {
      return null;
    }
    int comma = text.indexOf(',');
    return new GeoPoint(
        Double.parseDouble(text.substring(0, comma)),
        Double.parseDouble(text.substring(comma + 1)));
  }
}
