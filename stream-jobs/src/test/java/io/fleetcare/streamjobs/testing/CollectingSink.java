package io.fleetcare.streamjobs.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Collects a job's output in the test's JVM (local MiniCluster only): the writers, deserialized in
 * task threads, find their queue through a process-wide registry keyed by a random id.
 */
public final class CollectingSink<T> implements Sink<T>, AutoCloseable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ConcurrentLinkedQueue<Object>> RESULTS =
      new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public CollectingSink() {
    RESULTS.put(id, new ConcurrentLinkedQueue<>());
  }

  /** Everything written so far. */
  @SuppressWarnings("unchecked")
  public List<T> results() {
    return (List<T>) List.copyOf(RESULTS.getOrDefault(id, new ConcurrentLinkedQueue<>()));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    ConcurrentLinkedQueue<Object> queue = RESULTS.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    RESULTS.remove(id);
  }
}
