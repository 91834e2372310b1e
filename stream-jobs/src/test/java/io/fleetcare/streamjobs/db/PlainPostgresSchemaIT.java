package io.fleetcare.streamjobs.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.streamjobs.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** The same migrations and queries on plain PostgreSQL 15 (no timescaledb extension). */
class PlainPostgresSchemaIT {
  @Test
  void migratesToPlainTablesAndAnswersTheSameQueries() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.Result result = SchemaMigrator.migrateDetailed(db.jdbcUrl());
      assertThat(result.timescaleDb()).isFalse();
      assertThat(result.schemaVersion()).isEqualTo("10");
      // A second start applies nothing.
      assertThat(SchemaMigrator.migrateDetailed(db.jdbcUrl()).migrationsApplied()).isZero();
      try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
        SchemaFixtures.insertRows(c);
        SchemaFixtures.assertQueries(c);
      }
    }
  }
}
