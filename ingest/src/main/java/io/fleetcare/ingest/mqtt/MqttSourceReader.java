package io.fleetcare.ingest.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the MQTT sessions of its splits and acknowledges what it emitted according to the {@link
 * AckMode}.
 *
 * <p>With {@link AckMode#AFTER_CHECKPOINT}, message ids emitted before a checkpoint barrier are
 * acknowledged when that checkpoint completes. Anything unacknowledged stays in the broker session
 * of the split's client id, which the restored reader resumes, so the broker redelivers it.
 *
 * <p>All methods run on the task thread; Paho's threads only fill the clients' queues.
 */
final class MqttSourceReader implements SourceReader<MqttRecord, MqttSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);

  private final MqttSourceOptions options;
  private final List<MqttSessionClient> clients = new CopyOnWriteArrayList<>();
  private final AckLedger ledger = new AckLedger();
  private final AvailabilityNotifier availability = new AvailabilityNotifier();
  private final Counter messagesIn;
  private final Counter bytesIn;
  private int nextClient;
  private boolean checkpointSeen;
  private boolean stallWarned;

  MqttSourceReader(MqttSourceOptions options, SourceReaderContext context) {
    this.options = options;
    MetricGroup metrics = context.metricGroup();
    this.messagesIn = metrics.counter("messagesIn");
    this.bytesIn = metrics.counter("bytesIn");
    metrics.gauge("queueDepth", this::queueDepth);
    metrics.gauge("acksPending", ledger::pending);
  }

  @Override
  public void start() {
    // Splits are pushed by the enumerator (or restored) through addSplits.
  }

  @Override
  public void addSplits(List<MqttSplit> splits) {
    for (MqttSplit split : splits) {
      MqttSessionClient client =
          new MqttSessionClient(options, split, availability::notifyAvailable);
      client.connect();
      clients.add(client);
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<MqttRecord> output) {
    int count = clients.size();
    for (int i = 0; i < count; i++) {
      MqttSessionClient client = clients.get((nextClient + i) % count);
      Throwable failure = client.failure();
      if (failure != null) {
        throw new MqttSourceException(failure.getMessage(), failure);
      }
      ReceivedMessage message = client.poll();
      if (message != null) {
        nextClient = (nextClient + i + 1) % count;
        emit(client, message, output);
        return hasQueued() ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
      }
    }
    warnIfStalled();
    return InputStatus.NOTHING_AVAILABLE;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return availability.future(() -> hasQueued() || hasFailure());
  }

  @Override
  public List<MqttSplit> snapshotState(long checkpointId) {
    checkpointSeen = true;
    ledger.snapshot(checkpointId);
    List<MqttSplit> splits = new ArrayList<>(clients.size());
    clients.forEach(c -> splits.add(c.split()));
    return splits;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    for (PendingAck ack : ledger.complete(checkpointId)) {
      ack.client().acknowledge(ack.packetId(), ack.qos(), ack.connection());
    }
  }

  @Override
  public void notifyNoMoreSplits() {}

  @Override
  public void close() {
    // Unacknowledged messages stay in the broker sessions for the next run of these splits.
    clients.forEach(MqttSessionClient::close);
    clients.clear();
  }

  private void emit(
      MqttSessionClient client, ReceivedMessage message, ReaderOutput<MqttRecord> output) {
    MqttRecord record = message.record();
    output.collect(record, record.receivedAtMs());
    messagesIn.inc();
    bytesIn.inc(record.payload().length);
    if (!message.needsAck()) {
      return;
    }
    if (options.ackMode() == AckMode.AFTER_EMIT) {
      client.acknowledge(message.packetId(), message.qos(), message.connection());
    } else {
      ledger.emitted(
          new PendingAck(client, message.packetId(), message.qos(), message.connection()));
    }
  }

  private void warnIfStalled() {
    if (options.ackMode() != AckMode.AFTER_CHECKPOINT || checkpointSeen || stallWarned) {
      return;
    }
    if (!clients.isEmpty()
        && ledger.pending() >= (long) options.receiveMaximum() * clients.size()) {
      stallWarned = true;
      LOG.warn(
          "MQTT source has {} unacknowledged messages (the broker's in-flight window) and no"
              + " checkpoint has been taken yet. With ackMode AFTER_CHECKPOINT messages are only"
              + " acknowledged after checkpoints: enable checkpointing, or use AckMode.AFTER_EMIT"
              + " for a job without checkpoints, or the stream stays stalled.",
          ledger.pending());
    }
  }

  private boolean hasQueued() {
    for (MqttSessionClient client : clients) {
      if (client.hasQueued()) {
        return true;
      }
    }
    return false;
  }

  private boolean hasFailure() {
    for (MqttSessionClient client : clients) {
      if (client.failure() != null) {
        return true;
      }
    }
    return false;
  }

  private int queueDepth() {
    int depth = 0;
    for (MqttSessionClient client : clients) {
      depth += client.queueDepth();
    }
    return depth;
  }
}
