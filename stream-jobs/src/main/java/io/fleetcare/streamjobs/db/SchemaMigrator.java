package io.fleetcare.streamjobs.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the versioned migrations under {@code db/migration} at start-up (Flyway). */
public final class SchemaMigrator {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private SchemaMigrator() {}

  /**
   * Brings the database at {@code jdbcUrl} to the latest schema version.
   *
   * @return the schema version after migrating
   */
  public static String migrate(String jdbcUrl) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(jdbcUrl, null, null)
            .locations("classpath:db/migration")
            // Its own history table: the work-order service migrates the same database.
            .table("flyway_history_stream_jobs")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        "database schema at version {} ({} migrations applied)",
        result.targetSchemaVersion,
        result.migrationsExecuted);
    return result.targetSchemaVersion == null
        ? flyway.info().current().getVersion().getVersion()
        : result.targetSchemaVersion;
  }
}
