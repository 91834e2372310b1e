package io.fleetcare.streamjobs.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.sink.SignalPointBinder;
import io.fleetcare.streamjobs.sink.SqlStatements;
import io.fleetcare.streamjobs.sink.TelemetryBatchRowBinder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The same rows and the same queries for TimescaleDB and plain PostgreSQL: two vehicles, three
 * days, 24 messages a day of 1.5 km each, and a resting-voltage series.
 */
final class SchemaFixtures {
  static final String VIN_A = "WVWZZZ1JZXW000001";
  static final String VIN_B = "WVWZZZ1JZXW000002";
  static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");

  private SchemaFixtures() {}

  /** Inserts the rows through the sinks' own statements and binders. */
  static void insertRows(Connection c) throws SQLException {
    TelemetryBatchRowBinder batches = new TelemetryBatchRowBinder();
    try (PreparedStatement s = c.prepareStatement(SqlStatements.load(batches.statementName()))) {
      long seq = 0;
      for (String vin : List.of(VIN_A, VIN_B)) {
        for (int hour = 0; hour < 72; hour++) {
          long ts = DAY0.plusSeconds(hour * 3600L).toEpochMilli();
          batches.bind(
              s,
              new TelemetryBatchRow(
                  new DistanceFuelIncrement(vin, ++seq, ts, ts + 9_000, 1.5, 0.1, 10),
                  "{\"v\":1,\"vin\":\"" + vin + "\",\"seq\":" + seq + "}"));
          s.executeUpdate();
        }
      }
    }
    SignalPointBinder signals = new SignalPointBinder();
    try (PreparedStatement s = c.prepareStatement(SqlStatements.load(signals.statementName()))) {
      for (int day = 0; day < 3; day++) {
        signals.bind(
            s,
            new SignalPoint(
                VIN_A,
                DAY0.plusSeconds(day * 86_400L + 6 * 3600).toEpochMilli(),
                "battery12v.resting_v",
                12.6 - 0.1 * day));
        s.executeUpdate();
      }
    }
  }

  /** Checks the daily figures and the signal history the API reads. */
  static void assertQueries(Connection c) throws SQLException {
    // The archive keeps each payload as text, exactly as the sink bound it (V10).
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'telemetry_batch' AND column_name = 'samples'")) {
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("json");
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("SELECT samples::text FROM telemetry_batch WHERE seq = 1")) {
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("{\"v\":1,\"vin\":\"" + VIN_A + "\",\"seq\":1}");
      }
    }
    List<String> daily = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SqlStatements.load("select_vehicle_daily"))) {
      s.setString(1, VIN_A);
      s.setObject(2, utc(DAY0));
      s.setObject(3, utc(DAY0.plusSeconds(10 * 86_400L)));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          daily.add(
              rs.getObject(1, OffsetDateTime.class).toInstant()
                  + " "
                  + Math.round(rs.getDouble(2) * 10) / 10.0
                  + " km "
                  + rs.getLong(4)
                  + " msgs "
                  + rs.getLong(5)
                  + " samples");
        }
      }
    }
    assertThat(daily)
        .containsExactly(
            "2026-03-02T00:00:00Z 36.0 km 24 msgs 240 samples",
            "2026-03-03T00:00:00Z 36.0 km 24 msgs 240 samples",
            "2026-03-04T00:00:00Z 36.0 km 24 msgs 240 samples");

    List<Double> history = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SqlStatements.load("select_signal_history"))) {
      s.setString(1, VIN_A);
      s.setString(2, "battery12v.resting_v");
      s.setObject(3, utc(DAY0));
      s.setObject(4, utc(DAY0.plusSeconds(10 * 86_400L)));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          history.add(Math.round(rs.getDouble(2) * 100) / 100.0);
        }
      }
    }
    assertThat(history).containsExactly(12.6, 12.5, 12.4);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
