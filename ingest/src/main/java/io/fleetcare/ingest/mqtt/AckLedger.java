package io.fleetcare.ingest.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Remembers which emitted messages each checkpoint covers, so they are acknowledged only once the
 * checkpoint is complete.
 *
 * <p>Used from the reader's task thread only; {@link #pending()} may be read by metric reporters.
 */
final class AckLedger {
  private List<PendingAck> sinceLastSnapshot = new ArrayList<>();
  private final NavigableMap<Long, List<PendingAck>> byCheckpoint = new TreeMap<>();
  private volatile int pending;

  /** Records a message just emitted downstream. */
  void emitted(PendingAck ack) {
    sinceLastSnapshot.add(ack);
    pending++;
  }

  /** Assigns everything emitted since the previous snapshot to {@code checkpointId}. */
  void snapshot(long checkpointId) {
    if (!sinceLastSnapshot.isEmpty()) {
      byCheckpoint.merge(
          checkpointId,
          sinceLastSnapshot,
          (a, b) -> {
            a.addAll(b);
            return a;
          });
      sinceLastSnapshot = new ArrayList<>();
    }
  }

  /**
   * Removes and returns what {@code checkpointId} and every earlier checkpoint cover: a completed
   * checkpoint subsumes earlier ones whose completion notice was lost or that were aborted.
   */
  List<PendingAck> complete(long checkpointId) {
    NavigableMap<Long, List<PendingAck>> done = byCheckpoint.headMap(checkpointId, true);
    List<PendingAck> acks = new ArrayList<>();
    for (Map.Entry<Long, List<PendingAck>> entry : done.entrySet()) {
      acks.addAll(entry.getValue());
    }
    done.clear();
    pending -= acks.size();
    return acks;
  }

  /** Messages emitted and not yet released for acknowledgement. */
  int pending() {
    return pending;
  }
}
