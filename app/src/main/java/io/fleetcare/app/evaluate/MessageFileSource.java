package io.fleetcare.app.evaluate;

import io.fleetcare.ingest.mqtt.MqttRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded FLIP-27 source of the messages in a simulator message file, for running the real job in
 * this process without a broker on fleets too large to hold in memory. Record {@code i} is line
 * {@code i} of the file (read by its byte offset, so any split order gives the same records); run
 * it at parallelism 1 to keep the file's order, as one broker connection would deliver it.
 */
public final class MessageFileSource {
  private MessageFileSource() {}

  /** The source over {@code file}; {@code progress} counts the records read. */
  public static DataGeneratorSource<MqttRecord> of(Path file, AtomicLongRef progress)
      throws IOException {
    long lines = MessageFile.lineOffsets(file).length - 1;
    return new DataGeneratorSource<>(
        new LineReader(file.toAbsolutePath().toString(), progress),
        lines,
        TypeInformation.of(MqttRecord.class));
  }

  /**
   * A process-wide counter the in-process source reports progress to (the source function is
   * serialised into the job, so it finds the counter by id).
   */
  public record AtomicLongRef(String id) implements java.io.Serializable {
    private static final java.util.Map<String, AtomicLong> COUNTERS =
        new java.util.concurrent.ConcurrentHashMap<>();

    public static AtomicLongRef create() {
      AtomicLongRef ref = new AtomicLongRef(java.util.UUID.randomUUID().toString());
      COUNTERS.put(ref.id, new AtomicLong());
      return ref;
    }

    public AtomicLong counter() {
      return COUNTERS.computeIfAbsent(id, k -> new AtomicLong());
    }

    public void release() {
      COUNTERS.remove(id);
    }
  }

  /** Reads line {@code i} of the file for index {@code i}. */
  static final class LineReader implements GeneratorFunction<Long, MqttRecord> {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final AtomicLongRef progress;
    private transient long[] offsets;
    private transient RandomAccessFile in;
    private transient byte[] buffer;

    LineReader(String file, AtomicLongRef progress) {
      this.file = file;
      this.progress = progress;
    }

    @Override
    public void open(SourceReaderContext readerContext) throws Exception {
      offsets = MessageFile.lineOffsets(Path.of(file));
      in = new RandomAccessFile(file, "r");
      buffer = new byte[64 * 1024];
    }

    @Override
    public MqttRecord map(Long index) throws Exception {
      int i = Math.toIntExact(index);
      int length = Math.toIntExact(offsets[i + 1] - offsets[i]);
      if (buffer.length < length) {
        buffer = new byte[Math.max(length, buffer.length * 2)];
      }
      in.seek(offsets[i]);
      in.readFully(buffer, 0, length);
      progress.counter().incrementAndGet();
      return MessageFile.parse(java.util.Arrays.copyOf(buffer, length));
    }

    @Override
    public void close() throws Exception {
      if (in != null) {
        in.close();
      }
    }
  }
}
