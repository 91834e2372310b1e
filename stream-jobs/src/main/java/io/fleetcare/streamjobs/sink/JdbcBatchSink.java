package io.fleetcare.streamjobs.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * At-least-once PostgreSQL sink: rows are written in JDBC batches, flushed when a batch is full,
 * when the flush interval passes and before every checkpoint. Idempotent statements turn replays
 * after a restart into no-ops, so the table ends up exactly-once.
 */
public final class JdbcBatchSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final JdbcSinkOptions options;
  private final JdbcRowBinder<T> binder;

  public JdbcBatchSink(JdbcSinkOptions options, JdbcRowBinder<T> binder) {
    this.options = options;
    this.binder = binder;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new JdbcBatchWriter<>(
        options,
        binder,
        SqlStatements.load(binder.statementName()),
        context.getProcessingTimeService(),
        context.metricGroup());
  }
}
