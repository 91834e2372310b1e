package io.fleetcare.streamjobs.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.streamjobs.testing.TimescaleServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations and the API's queries on the real timescaledb extension (PGlite, see {@link
 * TimescaleServer}): hypertables, compression and retention policies, the continuous aggregate.
 */
class TimescaleSchemaIT {
  private static TimescaleServer server;
  private static SchemaMigrator.Result migration;

  @BeforeAll
  static void migrate() throws Exception {
    server = TimescaleServer.start();
    migration = SchemaMigrator.migrateDetailed(server.jdbcUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void migratesWithTheTimescaleVariant() {
    assertThat(server.timescaleVersion()).startsWith("2.");
    assertThat(migration.timescaleDb()).isTrue();
    assertThat(migration.schemaVersion()).isEqualTo("10");
  }

  @Test
  void createsHypertablesPoliciesAndTheContinuousAggregate() throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
      assertThat(strings(c, "SELECT hypertable_name FROM timescaledb_information.hypertables"))
          .contains("telemetry_batch", "vehicle_signal", "trip", "work_order_plan", "forecast");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name FROM timescaledb_information.jobs"
                      + " WHERE proc_name = 'policy_compression'"))
          .containsExactlyInAnyOrder("telemetry_batch", "vehicle_signal", "trip", "forecast");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name FROM timescaledb_information.jobs"
                      + " WHERE proc_name = 'policy_retention'"))
          .containsExactly("telemetry_batch");
      assertThat(strings(c, "SELECT view_name FROM timescaledb_information.continuous_aggregates"))
          .containsExactly("vehicle_daily");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name FROM timescaledb_information.compression_settings"
                      + " WHERE attname = 'vin' AND segmentby_column_index = 1"))
          .contains("telemetry_batch", "vehicle_signal", "trip");
    }
  }

  @Test
  void theContinuousAggregateAndTheApiQueriesReturnTheExpectedRows() throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
      c.setAutoCommit(true);
      SchemaFixtures.insertRows(c);
      try (Statement s = c.createStatement()) {
        s.execute("CALL refresh_continuous_aggregate('vehicle_daily', NULL, NULL)");
      }
      SchemaFixtures.assertQueries(c);
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
