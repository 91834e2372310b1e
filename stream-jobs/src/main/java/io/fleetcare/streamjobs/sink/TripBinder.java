package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.signal.Trip;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binds {@link Trip}s to {@code insert_trip.sql}. */
public final class TripBinder implements JdbcRowBinder<Trip> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_trip";
  }

  @Override
  public void bind(PreparedStatement s, Trip t) throws SQLException {
    s.setString(1, t.vin());
    s.setObject(2, TelemetryBatchRowBinder.utc(t.startMs()));
    s.setObject(3, TelemetryBatchRowBinder.utc(t.endMs()));
    s.setDouble(4, t.distanceKm());
    s.setDouble(5, t.fuelL());
    s.setDouble(6, t.idleShare());
    s.setDouble(7, t.stopAndGoIndex());
    s.setDouble(8, t.highwayShare());
    s.setDouble(9, t.nightShare());
    if (Double.isNaN(t.meanAirTemperatureC())) {
      s.setNull(10, Types.DOUBLE);
    } else {
      s.setDouble(10, t.meanAirTemperatureC());
    }
  }
}
