package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binds {@link DistanceFuelIncrement} rows to {@code insert_distance_fuel.sql}. */
public final class DistanceFuelRowBinder implements JdbcRowBinder<DistanceFuelIncrement> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_distance_fuel";
  }

  @Override
  public void bind(PreparedStatement s, DistanceFuelIncrement row) throws SQLException {
    s.setString(1, row.vin());
    s.setLong(2, row.seq());
    s.setObject(3, utc(row.firstTsMs()));
    s.setObject(4, utc(row.lastTsMs()));
    s.setDouble(5, row.distanceKm());
    s.setDouble(6, row.fuelL());
    s.setInt(7, row.samples());
  }

  static OffsetDateTime utc(long epochMs) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
  }
}
