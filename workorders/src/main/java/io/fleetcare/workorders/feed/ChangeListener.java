package io.fleetcare.workorders.feed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on {@code work_order_changed} (sent by a trigger at commit, whoever wrote the row: the
 * planner's sink or this service) on its own connection and thread, and hands each changed order id
 * to a consumer. Reconnects after a lost connection.
 */
public final class ChangeListener implements AutoCloseable {
  /** The NOTIFY channel of the work_order trigger. */
  public static final String CHANNEL = "work_order_changed";

  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  private static final int POLL_MILLIS = 250;

  private final String jdbcUrl;
  private final Consumer<UUID> onChange;
  private final Thread thread;
  private volatile boolean running = true;

  private ChangeListener(String jdbcUrl, Consumer<UUID> onChange) {
    this.jdbcUrl = jdbcUrl;
    this.onChange = onChange;
    this.thread = Thread.ofPlatform().daemon().name("workorders-listen").unstarted(this::run);
  }

  /**
   * Connects and LISTENs before returning, so no change committed after this returns is missed,
   * then keeps listening on a background thread.
   */
  public static ChangeListener start(String jdbcUrl, Consumer<UUID> onChange) throws SQLException {
    ChangeListener listener = new ChangeListener(jdbcUrl, onChange);
    listener.firstConnection = listener.connect();
    listener.thread.start();
    return listener;
  }

  private volatile Connection firstConnection;

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
    return c;
  }

  private void run() {
    long backoffMillis = 500;
    while (running) {
      Connection c = firstConnection;
      firstConnection = null;
      try {
        if (c == null) {
          c = connect();
        }
        backoffMillis = 500;
        listen(c);
      } catch (SQLException e) {
        if (running) {
          LOG.warn(
              "work-order change listener lost its connection, reconnecting: {}", e.toString());
          sleepQuietly(backoffMillis);
          backoffMillis = Math.min(backoffMillis * 2, 10_000);
        }
      } finally {
        closeQuietly(c);
      }
    }
  }

  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    while (running) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications == null) {
        continue;
      }
      for (PGNotification n : notifications) {
        try {
          onChange.accept(UUID.fromString(n.getParameter()));
        } catch (RuntimeException e) {
          LOG.warn("cannot handle change notification '{}'", n.getParameter(), e);
        }
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing a broken connection
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
