package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds {@link UsageProfileSnapshot}s to {@code upsert_usage_profile.sql}. */
public final class UsageProfileBinder implements JdbcRowBinder<UsageProfileSnapshot> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "upsert_usage_profile";
  }

  @Override
  public void bind(PreparedStatement s, UsageProfileSnapshot p) throws SQLException {
    s.setString(1, p.vin());
    s.setObject(2, TelemetryBatchRowBinder.utc(p.tsMs()));
    s.setInt(3, p.trips());
    s.setDouble(4, p.shortTripShare());
    s.setDouble(5, p.commuteKm());
    s.setDouble(6, p.kmPerDay());
    s.setDouble(7, p.highwayShare());
    s.setDouble(8, p.nightShare());
    s.setString(9, p.scenario());
  }
}
