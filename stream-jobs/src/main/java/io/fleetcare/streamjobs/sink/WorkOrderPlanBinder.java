package io.fleetcare.streamjobs.sink;

import io.fleetcare.core.workorder.WorkOrder;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds the planner's {@link WorkOrder}s to {@code insert_work_order_plan.sql}: one row per order
 * version. Personal data and the department are not part of a planned order and are not stored.
 */
public final class WorkOrderPlanBinder implements JdbcRowBinder<WorkOrder> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_work_order_plan";
  }

  @Override
  public void bind(PreparedStatement s, WorkOrder o) throws SQLException {
    int i = 1;
    s.setObject(i++, o.id());
    s.setObject(i++, TelemetryBatchRowBinder.utc(o.createdAt().toEpochMilli()));
    s.setString(i++, o.vin());
    s.setString(i++, o.dealerId());
    s.setString(i++, o.kind().name());
    s.setString(i++, o.type().code());
    s.setString(i++, o.urgency().name());
    s.setDate(i++, o.predictedDate() == null ? null : Date.valueOf(o.predictedDate()));
    s.setDate(i++, Date.valueOf(o.dueFrom()));
    s.setDate(i++, Date.valueOf(o.dueTo()));
    s.setDouble(i++, o.probability());
    s.setString(i++, o.evidenceJson());
    s.setString(i++, o.modelVersion());
    s.setString(i, o.servicePackage());
  }
}
