package io.fleetcare.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * PostgreSQL running as a child process of this one (zonky's packaged binaries), for the demo.
 * Without the timescaledb extension the schema runs as plain PostgreSQL tables.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts PostgreSQL on a free port with a fresh data directory. */
  public static EmbeddedDatabase start() throws IOException {
    return new EmbeddedDatabase(EmbeddedPostgres.builder().start());
  }

  /** JDBC URL of the {@code postgres} database, with credentials. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
