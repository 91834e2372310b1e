package io.fleetcare.streamjobs.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned migrations at start-up (Flyway). The common ones create the tables; where
 * the timescaledb extension is available, {@code db/migration/timescaledb} turns them into
 * hypertables with compression, retention and a continuous aggregate, and otherwise {@code
 * db/migration/postgresql} keeps plain tables and a plain view — and the log says so.
 */
public final class SchemaMigrator {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private SchemaMigrator() {}

  /** What the migration did. */
  public record Result(String schemaVersion, boolean timescaleDb, int migrationsApplied) {}

  /**
   * Brings the database at {@code jdbcUrl} to the latest schema version.
   *
   * @return the schema version after migrating
   */
  public static String migrate(String jdbcUrl) {
    return migrateDetailed(jdbcUrl).schemaVersion();
  }

  /** Like {@link #migrate} but also tells whether TimescaleDB is in use. */
  public static Result migrateDetailed(String jdbcUrl) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection)) {
      return migrate(connection, dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach the database to migrate it (" + e.getMessage() + ")", e);
    }
  }

  private static Result migrate(Connection connection, SingleConnectionDataSource dataSource)
      throws SQLException {
    boolean timescale = enableTimescaleDb(connection);
    if (timescale) {
      LOG.info(
          "timescaledb extension found: hypertables, compression, retention, continuous aggregate");
    } else {
      LOG.warn(
          "timescaledb extension not available: using plain PostgreSQL tables (no compression,"
              + " retention or continuous aggregate)");
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(
                "classpath:db/migration/common",
                timescale
                    ? "classpath:db/migration/timescaledb"
                    : "classpath:db/migration/postgresql")
            // Its own history table: the work-order service migrates the same database.
            .table("flyway_history_stream_jobs")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : flyway.info().current().getVersion().getVersion();
    LOG.info(
        "database schema at version {} ({} migrations applied)",
        version,
        result.migrationsExecuted);
    return new Result(version, timescale, result.migrationsExecuted);
  }

  /** Creates the extension when the server has it; true when it is installed afterwards. */
  private static boolean enableTimescaleDb(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return false;
        }
      }
      s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      return true;
    }
  }
}
