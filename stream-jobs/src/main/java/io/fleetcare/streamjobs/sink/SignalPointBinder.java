package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.signal.SignalPoint;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds {@link SignalPoint}s to {@code insert_vehicle_signal.sql}. */
public final class SignalPointBinder implements JdbcRowBinder<SignalPoint> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_vehicle_signal";
  }

  @Override
  public void bind(PreparedStatement s, SignalPoint row) throws SQLException {
    s.setString(1, row.vin());
    s.setObject(2, TelemetryBatchRowBinder.utc(row.tsMs()));
    s.setString(3, row.name());
    s.setDouble(4, row.value());
  }
}
