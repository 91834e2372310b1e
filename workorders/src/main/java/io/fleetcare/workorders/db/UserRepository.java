package io.fleetcare.workorders.db;

import io.fleetcare.workorders.auth.ApiUser;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** API users and their tokens (stored as SHA-256 hashes). */
public interface UserRepository {
  /** Creates or replaces a user; {@code passwordHash} null for a token-only user. */
  Future<Void> saveUser(ApiUser user, String passwordHash);

  /** Stores a token hash for a user; {@code expiresAt} null for a token that does not expire. */
  Future<Void> saveToken(
      String username, byte[] tokenHash, Instant now, Instant expiresAt, String label);

  /** The user a (valid, unexpired) token hash belongs to. */
  Future<Optional<ApiUser>> userByToken(byte[] tokenHash, Instant now);

  /** A user and their password hash, for login. */
  Future<Optional<UserWithPassword>> userByName(String username);

  /** A user with their stored password hash (null if they have none). */
  record UserWithPassword(ApiUser user, String passwordHash) {}
}
