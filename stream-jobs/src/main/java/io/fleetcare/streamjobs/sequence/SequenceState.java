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

  /**
   * Seqs in {@code [startWindowLow, startSeq)} came before the first message seen of this stream
   * and are still accepted once each; {@code startStragglers} holds those emitted out of order (the
   * top of the range moves down over stragglers that join it). A range rather than an enumeration,
   * so a wide window costs two numbers until stragglers arrive.
   */
  long startWindowLow = -1;

  long startSeq = -1;
  final TreeSet<Long> startStragglers = new TreeSet<>();

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
