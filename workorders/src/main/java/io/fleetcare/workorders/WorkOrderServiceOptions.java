package io.fleetcare.workorders;

import io.fleetcare.workorders.crypto.EncryptionKey;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Options of the work-order service, validated at construction.
 *
 * @param host interface the HTTP server binds to; default {@code 0.0.0.0}
 * @param httpPort HTTP port; default 8080, 0 picks a free port (see {@link WorkOrderApi#port()})
 * @param jdbcUrl PostgreSQL JDBC URL with credentials; required
 * @param encryptionKey AES key for personal data at rest (phone, location); required, see {@link
 *     EncryptionKey#fromSource}
 * @param escalateAfter an order not acknowledged this long after it was received escalates to the
 *     dealer's service manager; default 24 h
 * @param escalationCheckInterval how often overdue orders are looked for; default 1 min
 * @param tokenLifetime lifetime of tokens issued by {@code POST /api/login}; default 12 h
 * @param dbPoolSize JDBC connections (and blocking worker threads); default 8
 * @param eventStreamWriteQueueMaxBytes bytes of server-sent events the server queues for one {@code
 *     /api/events} client that does not read; when an event finds the queue fuller than this, the
 *     client is disconnected (its EventSource reconnects and reloads). Default 128 KiB, range 4
 *     KiB..16 MiB
 * @param clock the service clock (receipt, audit, escalation); default the system clock, tests pass
 *     a clock they advance
 */
public record WorkOrderServiceOptions(
    String host,
    int httpPort,
    String jdbcUrl,
    EncryptionKey encryptionKey,
    Duration escalateAfter,
    Duration escalationCheckInterval,
    Duration tokenLifetime,
    int dbPoolSize,
    int eventStreamWriteQueueMaxBytes,
    InstantSource clock) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofHours(24);
  public static final int DEFAULT_EVENT_STREAM_WRITE_QUEUE_MAX_BYTES = 128 * 1024;

  public WorkOrderServiceOptions {
    Objects.requireNonNull(host, "host");
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("httpPort must be within 0..65535, was " + httpPort);
    }
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must be a PostgreSQL JDBC URL (jdbc:postgresql://…), was " + jdbcUrl);
    }
    Objects.requireNonNull(encryptionKey, "encryptionKey (see EncryptionKey.fromSource)");
    requirePositive(escalateAfter, "escalateAfter");
    requirePositive(escalationCheckInterval, "escalationCheckInterval");
    requirePositive(tokenLifetime, "tokenLifetime");
    if (dbPoolSize < 1 || dbPoolSize > 100) {
      throw new IllegalArgumentException("dbPoolSize must be within 1..100, was " + dbPoolSize);
    }
    if (eventStreamWriteQueueMaxBytes < 4 * 1024
        || eventStreamWriteQueueMaxBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "eventStreamWriteQueueMaxBytes must be within 4 KiB..16 MiB, was "
              + eventStreamWriteQueueMaxBytes);
    }
    Objects.requireNonNull(clock, "clock");
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
    }
  }

  /** Defaults for everything but the database and the key. */
  public static Builder builder(String jdbcUrl, EncryptionKey encryptionKey) {
    return new Builder(jdbcUrl, encryptionKey);
  }

  /** The defaults. */
  public static WorkOrderServiceOptions defaults(String jdbcUrl, EncryptionKey encryptionKey) {
    return builder(jdbcUrl, encryptionKey).build();
  }

  /** Builder with the documented defaults. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int httpPort = DEFAULT_HTTP_PORT;
    private final String jdbcUrl;
    private final EncryptionKey encryptionKey;
    private Duration escalateAfter = DEFAULT_ESCALATE_AFTER;
    private Duration escalationCheckInterval = Duration.ofMinutes(1);
    private Duration tokenLifetime = Duration.ofHours(12);
    private int dbPoolSize = 8;
    private int eventStreamWriteQueueMaxBytes = DEFAULT_EVENT_STREAM_WRITE_QUEUE_MAX_BYTES;
    private InstantSource clock = InstantSource.system();

    private Builder(String jdbcUrl, EncryptionKey encryptionKey) {
      this.jdbcUrl = jdbcUrl;
      this.encryptionKey = encryptionKey;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder httpPort(int httpPort) {
      this.httpPort = httpPort;
      return this;
    }

    public Builder escalateAfter(Duration escalateAfter) {
      this.escalateAfter = escalateAfter;
      return this;
    }

    public Builder escalationCheckInterval(Duration interval) {
      this.escalationCheckInterval = interval;
      return this;
    }

    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    public Builder dbPoolSize(int dbPoolSize) {
      this.dbPoolSize = dbPoolSize;
      return this;
    }

    public Builder eventStreamWriteQueueMaxBytes(int bytes) {
      this.eventStreamWriteQueueMaxBytes = bytes;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    public WorkOrderServiceOptions build() {
      return new WorkOrderServiceOptions(
          host,
          httpPort,
          jdbcUrl,
          encryptionKey,
          escalateAfter,
          escalationCheckInterval,
          tokenLifetime,
          dbPoolSize,
          eventStreamWriteQueueMaxBytes,
          clock);
    }
  }
}
