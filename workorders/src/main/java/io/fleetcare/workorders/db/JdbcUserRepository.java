package io.fleetcare.workorders.db;

import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link UserRepository} on PostgreSQL over JDBC, run on worker threads. */
public final class JdbcUserRepository implements UserRepository {
  private final Jdbc jdbc;

  public JdbcUserRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Future<Void> saveUser(ApiUser user, String passwordHash) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.UPSERT_USER)) {
            s.setString(1, user.username());
            s.setString(2, user.displayName());
            s.setString(3, user.role().name());
            s.setString(4, user.dealerId());
            s.setString(5, passwordHash);
            s.executeUpdate();
            return null;
          }
        });
  }

  @Override
  public Future<Void> saveToken(
      String username, byte[] tokenHash, Instant now, Instant expiresAt, String label) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.INSERT_TOKEN)) {
            s.setBytes(1, tokenHash);
            s.setString(2, username);
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, expiresAt == null ? null : Timestamp.from(expiresAt));
            s.setString(5, label);
            s.executeUpdate();
            return null;
          }
        });
  }

  @Override
  public Future<Optional<ApiUser>> userByToken(byte[] tokenHash, Instant now) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.USER_BY_TOKEN)) {
            s.setBytes(1, tokenHash);
            s.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Future<Optional<UserWithPassword>> userByName(String username) {
    return jdbc.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(WorkOrderSql.USER_BY_NAME)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next()
                  ? Optional.of(new UserWithPassword(user(rs), rs.getString("password_hash")))
                  : Optional.empty();
            }
          }
        });
  }

  private static ApiUser user(ResultSet rs) throws SQLException {
    return new ApiUser(
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("dealer_id"));
  }
}
