package io.fleetcare.ingest.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;

/** Records assignments; readers register and fail under the test's control. */
final class FakeEnumeratorContext implements SplitEnumeratorContext<MqttSplit> {
  private final int parallelism;
  private final Map<Integer, ReaderInfo> readers = new TreeMap<>();
  private final Map<Integer, List<MqttSplit>> assigned = new TreeMap<>();

  FakeEnumeratorContext(int parallelism) {
    this.parallelism = parallelism;
  }

  void register(int subtask) {
    readers.put(subtask, new ReaderInfo(subtask, "localhost"));
  }

  void fail(int subtask) {
    readers.remove(subtask);
    assigned.remove(subtask);
  }

  /** Splits assigned to each subtask so far. */
  Map<Integer, List<MqttSplit>> assigned() {
    return assigned;
  }

  @Override
  public SplitEnumeratorMetricGroup metricGroup() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

  @Override
  public int currentParallelism() {
    return parallelism;
  }

  @Override
  public Map<Integer, ReaderInfo> registeredReaders() {
    return readers;
  }

  @Override
  public void assignSplits(SplitsAssignment<MqttSplit> newSplitAssignments) {
    newSplitAssignments
        .assignment()
        .forEach((k, v) -> assigned.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
  }

  @Override
  public void signalNoMoreSplits(int subtask) {}

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {}

  @Override
  public <T> void callAsync(
      Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {}

  @Override
  public void runInCoordinatorThread(Runnable runnable) {
    runnable.run();
  }
}
