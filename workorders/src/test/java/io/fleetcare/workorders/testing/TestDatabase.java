package io.fleetcare.workorders.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away database on the machine's real PostgreSQL (127.0.0.1:5432, trust auth), so tests
 * never see each other's rows. Override the server with {@code FLEETCARE_TEST_PG}.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String SERVER =
      System.getenv().getOrDefault("FLEETCARE_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = "?user=postgres";

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates a new empty database. */
  public static TestDatabase create() throws SQLException {
    String name = "workorders_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SERVER + "postgres" + USER);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new TestDatabase(name);
  }

  /** JDBC URL of this database, with credentials. */
  public String jdbcUrl() {
    return SERVER + name + USER;
  }

  /** Runs a query and returns its rows as column-name → value maps. */
  public List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** A single long value, e.g. {@code SELECT count(*) …}. */
  public long queryLong(String sql) throws SQLException {
    Object value = query(sql).getFirst().values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** {@link #queryLong} for use in lambdas and assertions. */
  public long queryLongUnchecked(String sql) {
    try {
      return queryLong(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres" + USER);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
