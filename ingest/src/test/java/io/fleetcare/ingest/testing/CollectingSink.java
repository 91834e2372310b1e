package io.fleetcare.ingest.testing;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Sink V2 that adds every key to a {@link CollectedMessages}. */
public final class CollectingSink implements Sink<String> {
  private static final long serialVersionUID = 1L;

  private final String name;

  public CollectingSink(String name) {
    this.name = name;
  }

  @Override
  public SinkWriter<String> createWriter(WriterInitContext context) {
    CollectedMessages target = CollectedMessages.named(name);
    return new SinkWriter<>() {
      @Override
      public void write(String key, Context context) {
        target.add(key);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
