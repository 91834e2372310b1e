package io.fleetcare.workorders.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A JDBC pool and the worker threads that use it: every statement runs on a worker, never on an
 * event loop.
 */
public final class Jdbc implements AutoCloseable {
  /** Work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;

  public Jdbc(Vertx vertx, String jdbcUrl, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setPoolName("workorders-jdbc");
    this.dataSource = new HikariDataSource(config);
    this.workers = vertx.createSharedWorkerExecutor("workorders-jdbc-" + hashCode(), poolSize);
  }

  /** Runs {@code work} on a worker with a pooled connection in auto-commit mode. */
  public <T> Future<T> run(Work<T> work) {
    return workers.executeBlocking(
        () -> {
          try (Connection c = dataSource.getConnection()) {
            return work.run(c);
          }
        },
        false);
  }

  /** Runs {@code work} on a worker in one transaction, rolled back if it throws. */
  public <T> Future<T> inTransaction(Work<T> work) {
    return run(
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  @Override
  public void close() {
    workers.close();
    dataSource.close();
  }
}
