package io.fleetcare.streamjobs.sink;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writer of {@link JdbcBatchSink}. A transient database error (connection lost, server shutting
 * down, serialization failure, out of resources) is retried with exponential backoff and jitter for
 * as long as it takes: the task blocks, Flink's back-pressure holds the source, nothing is dropped.
 * Any other error fails the task so the job restarts from its last checkpoint instead of silently
 * losing the batch.
 */
final class JdbcBatchWriter<T> implements SinkWriter<T> {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcBatchWriter.class);

  private final JdbcSinkOptions options;
  private final JdbcRowBinder<T> binder;
  private final String sql;
  private final ProcessingTimeService time;
  private final Counter rowsWritten;
  private final Counter retries;
  private final List<T> buffer = new ArrayList<>();
  private Connection connection;
  private PreparedStatement statement;
  private boolean flushScheduled;

  JdbcBatchWriter(
      JdbcSinkOptions options,
      JdbcRowBinder<T> binder,
      String sql,
      ProcessingTimeService time,
      SinkWriterMetricGroup metrics) {
    this.options = options;
    this.binder = binder;
    this.sql = sql;
    this.time = time;
    this.rowsWritten = metrics.getNumRecordsSendCounter();
    this.retries = metrics.counter("jdbcRetries");
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    buffer.add(element);
    if (buffer.size() >= options.batchSize()) {
      writeBuffer();
    } else if (!flushScheduled) {
      flushScheduled = true;
      time.registerTimer(
          time.getCurrentProcessingTime() + options.flushInterval().toMillis(),
          timestamp -> {
            flushScheduled = false;
            writeBuffer();
          });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBuffer();
  }

  private void writeBuffer() throws IOException, InterruptedException {
    if (buffer.isEmpty()) {
      return;
    }
    long backoffMs = options.initialBackoff().toMillis();
    while (true) {
      try {
        executeBatch();
        rowsWritten.inc(buffer.size());
        buffer.clear();
        return;
      } catch (SQLException e) {
        closeQuietly();
        if (!isTransient(e)) {
          throw new IOException(
              "writing " + buffer.size() + " rows failed (SQLState " + e.getSQLState() + ")", e);
        }
        retries.inc();
        long waitMs = backoffMs / 2 + ThreadLocalRandom.current().nextLong(backoffMs / 2 + 1);
        LOG.warn(
            "database unavailable ({}); retrying {} rows in {} ms",
            e.getMessage(),
            buffer.size(),
            waitMs);
        Thread.sleep(waitMs);
        backoffMs = Math.min(backoffMs * 2, options.maxBackoff().toMillis());
      }
    }
  }

  private void executeBatch() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(options.connectionUrl(sql));
      connection.setAutoCommit(false);
      statement = connection.prepareStatement(sql);
    }
    try {
      for (T row : buffer) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the connection is being discarded anyway
      }
      throw e;
    }
  }

  /** Connection problems and other conditions that go away by themselves. */
  static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") // connection exception
            || state.startsWith("53") // insufficient resources
            || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
            || state.equals("40001") // serialization failure
            || state.equals("40P01")) { // deadlock detected
          return true;
        }
      }
    }
    return false;
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // nothing more to do with a broken connection
    }
    connection = null;
    statement = null;
  }

  @Override
  public void close() throws Exception {
    closeQuietly();
  }
}
