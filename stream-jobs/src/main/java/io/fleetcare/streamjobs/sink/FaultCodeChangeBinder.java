package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.signal.FaultCodeChange;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds {@link FaultCodeChange}s to {@code upsert_fault_code.sql}. */
public final class FaultCodeChangeBinder implements JdbcRowBinder<FaultCodeChange> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "upsert_fault_code";
  }

  @Override
  public void bind(PreparedStatement s, FaultCodeChange c) throws SQLException {
    s.setString(1, c.vin());
    s.setString(2, c.code());
    s.setObject(3, TelemetryBatchRowBinder.utc(c.firstSetMs()));
    s.setString(4, c.status().name());
    s.setObject(5, TelemetryBatchRowBinder.utc(c.tsMs()));
    s.setString(6, c.description());
  }
}
