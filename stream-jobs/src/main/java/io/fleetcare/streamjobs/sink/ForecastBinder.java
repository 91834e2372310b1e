package io.fleetcare.streamjobs.sink;

import io.fleetcare.streamjobs.planner.ComponentForecast;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** Binds {@link ComponentForecast}s to {@code insert_forecast.sql}. */
public final class ForecastBinder implements JdbcRowBinder<ComponentForecast> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_forecast";
  }

  @Override
  public void bind(PreparedStatement s, ComponentForecast f) throws SQLException {
    s.setString(1, f.vin());
    s.setString(2, f.component().code());
    s.setObject(3, TelemetryBatchRowBinder.utc(f.tsMs()));
    date(s, 4, f.predictedDate());
    date(s, 5, f.lowDate());
    date(s, 6, f.highDate());
    s.setDouble(7, f.probabilityWithin15Days());
    s.setString(8, f.modelVersion() == null ? "unknown" : f.modelVersion());
    s.setString(9, f.evidenceJson());
  }

  private static void date(PreparedStatement s, int index, LocalDate date) throws SQLException {
    if (date == null) {
      s.setNull(index, Types.DATE);
    } else {
      s.setObject(index, date);
    }
  }
}
