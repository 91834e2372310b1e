package io.fleetcare.streamjobs.sequence;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-vehicle, per-topic sequencing state: the next expected {@code seq}, the encoded messages that
 * arrived ahead of a gap, and the seqs given up on when a gap was skipped (so that a straggler is
 * still let through once instead of being taken for a duplicate). Messages wait in encoded form so
 * the state serializes as plain bytes.
 */
public final class SequenceState {
  long nextSeq = -1;
  long lastEmittedTsMs = Long.MIN_VALUE;
  final TreeMap<Long, byte[]> waiting = new TreeMap<>();
  final TreeSet<Long> skipped = new TreeSet<>();

  /** Processing time of the timer that will skip the current gap, or -1 when none is set. */
  public long gapTimerMs = -1;

  /** Number of messages held back waiting for a gap to fill. */
  public int waitingCount() {
    return waiting.size();
  }

  /** The next expected seq, or -1 before the first message. */
  public long nextSeq() {
    return nextSeq;
  }
}
