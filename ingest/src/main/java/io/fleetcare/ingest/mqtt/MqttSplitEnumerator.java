package io.fleetcare.ingest.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one split (one MQTT client id) per parallel reader and gives split n to reader {@code n %
 * parallelism}.
 *
 * <p>Splits are never discarded: the count created is checkpointed, a split that comes back from a
 * failed reader is handed to the same subtask again, and after a restore with a higher parallelism
 * the missing splits are added. After a restore with a lower parallelism Flink redistributes the
 * readers' splits, and a reader then runs several clients.
 */
public final class MqttSplitEnumerator implements SplitEnumerator<MqttSplit, MqttEnumeratorState> {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSplitEnumerator.class);

  private final SplitEnumeratorContext<MqttSplit> context;
  private final MqttSourceOptions options;
  private final TreeMap<Integer, MqttSplit> unassigned = new TreeMap<>();
  private int splitsCreated;

  public MqttSplitEnumerator(
      SplitEnumeratorContext<MqttSplit> context,
      MqttSourceOptions options,
      MqttEnumeratorState state) {
    this.context = context;
    this.options = options;
    this.splitsCreated = state.splitsCreated();
    state.unassigned().forEach(split -> unassigned.put(split.index(), split));
  }

  @Override
  public void start() {
    int parallelism = context.currentParallelism();
    for (int i = splitsCreated; i < parallelism; i++) {
      unassigned.put(i, MqttSplit.of(options, i));
    }
    if (parallelism > splitsCreated) {
      LOG.info(
          "Created MQTT splits {}..{} (client ids {}..{})",
          splitsCreated,
          parallelism - 1,
          options.clientId(splitsCreated),
          options.clientId(parallelism - 1));
      splitsCreated = parallelism;
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    // Splits are pushed when a reader registers; readers never ask for more.
  }

  @Override
  public void addSplitsBack(List<MqttSplit> splits, int subtaskId) {
    splits.forEach(split -> unassigned.put(split.index(), split));
    assignUnassigned();
  }

  @Override
  public void addReader(int subtaskId) {
    assignUnassigned();
  }

  @Override
  public MqttEnumeratorState snapshotState(long checkpointId) {
    return new MqttEnumeratorState(splitsCreated, new ArrayList<>(unassigned.values()));
  }

  @Override
  public void close() {}

  private void assignUnassigned() {
    int parallelism = context.currentParallelism();
    Set<Integer> registered = context.registeredReaders().keySet();
    var it = unassigned.values().iterator();
    while (it.hasNext()) {
      MqttSplit split = it.next();
      int owner = split.index() % parallelism;
      if (registered.contains(owner)) {
        LOG.info("Assigning MQTT split {} to reader {}", split.clientId(), owner);
        context.assignSplit(split, owner);
        it.remove();
      }
    }
  }
}
