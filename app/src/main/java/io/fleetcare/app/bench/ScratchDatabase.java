package io.fleetcare.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A uniquely named database on the local PostgreSQL, created for one bench run and dropped after.
 */
final class ScratchDatabase implements AutoCloseable {
  private final String serverUrl;
  private final String user;
  private final String name;

  private ScratchDatabase(String serverUrl, String user, String name) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.name = name;
  }

  /**
   * Creates {@code fleetcare_bench_<time>_<random>} on {@code serverUrl} (e.g. {@code
   * jdbc:postgresql://127.0.0.1:5432/}) as {@code user}.
   */
  static ScratchDatabase create(String serverUrl, String user) throws SQLException {
    String name =
        "fleetcare_bench_"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
            + "_"
            + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    ScratchDatabase db = new ScratchDatabase(serverUrl, user, name);
    db.admin("CREATE DATABASE " + name);
    return db;
  }

  String name() {
    return name;
  }

  String jdbcUrl() {
    return serverUrl + name + "?user=" + user;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl + "postgres?user=" + user);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
