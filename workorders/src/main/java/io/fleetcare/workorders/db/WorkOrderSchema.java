package io.fleetcare.workorders.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the work-order migrations under {@code db/workorders} with their own history table, so
 * they live next to the stream job's migrations ({@code db/migration}) in the same database.
 */
public final class WorkOrderSchema {
  /** Flyway history table of the work-order migrations. */
  public static final String HISTORY_TABLE = "flyway_history_workorders";

  private static final Logger LOG = LoggerFactory.getLogger(WorkOrderSchema.class);

  private WorkOrderSchema() {}

  /**
   * Brings the work-order tables at {@code jdbcUrl} to the latest version.
   *
   * @return the schema version after migrating
   */
  public static String migrate(String jdbcUrl) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(jdbcUrl, null, null)
            .locations("classpath:db/workorders")
            .table(HISTORY_TABLE)
            // The database may already hold the stream job's tables; baseline at 0 so that V1 runs.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : flyway.info().current().getVersion().getVersion();
    LOG.info(
        "work-order schema at version {} ({} migrations applied)",
        version,
        result.migrationsExecuted);
    return version;
  }
}
