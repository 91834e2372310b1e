package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binds {@link TelemetryBatchRow}s to {@code insert_telemetry_batch.sql}. */
public final class TelemetryBatchRowBinder implements JdbcRowBinder<TelemetryBatchRow> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_telemetry_batch";
  }

  @Override
  public void bind(PreparedStatement s, TelemetryBatchRow row) throws SQLException {
    DistanceFuelIncrement inc = row.increment();
    s.setString(1, inc.vin());
    s.setLong(2, inc.seq());
    s.setObject(3, utc(inc.firstTsMs()));
    s.setObject(4, utc(inc.lastTsMs()));
    s.setInt(5, inc.samples());
    s.setDouble(6, inc.distanceKm());
    s.setDouble(7, inc.fuelL());
    s.setString(8, row.archivedJson());
  }

  static OffsetDateTime utc(long epochMs) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
  }
}
