package io.fleetcare.streamjobs.sequence;

import java.io.Serializable;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns an at-least-once, possibly reordered stream of one vehicle's messages on one topic into the
 * exactly-once, in-order stream the contract promises ({@code seq} rises by one per message).
 *
 * <p>Shared MQTT subscriptions spread one vehicle's messages over several readers, so order is not
 * guaranteed downstream of the broker, and redelivery after a failover produces duplicates. A
 * message ahead of a gap waits (at most {@code maxWaiting} of them); {@link #skipGap} gives up on a
 * gap, after which a straggler from the gap is still emitted once.
 *
 * @param <T> the message type
 */
public final class MessageSequencer<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Encodes and decodes waiting messages. */
  public interface Codec<T> extends Serializable {
    byte[] encode(T message);

    /** Decodes {@code bytes} of the message stream keyed by {@code key}. */
    T decode(String key, byte[] bytes);
  }

  /** What happened to one offered message. */
  public enum Outcome {
    /** Emitted (possibly together with messages that waited behind it). */
    EMITTED,
    /** Held until the gap before it fills or is skipped. */
    WAITING,
    /** Already emitted or already waiting: dropped. */
    DUPLICATE
  }

  /**
   * Seqs up to this far below the first one seen from a vehicle (and no further than {@code
   * resetDistance}) are accepted once: several readers share the subscription and each can have up
   * to its queue (the receive maximum, 10,000 by default) of messages waiting, so a vehicle's first
   * messages can arrive after many later ones when one reader lags. 64 was too few:
   * HostileGatewayDrill lost a new vehicle's seqs 1 and 2 that way on a loaded machine.
   */
  static final int START_WINDOW = 10_000;

  private final Codec<T> codec;
  private final long resetDistance;
  private final int maxWaiting;

  /**
   * @param codec encodes messages that must wait
   * @param resetDistance how far below the expected seq a message with newer event time may be
   *     before it is taken for a gateway that restarted its numbering
   * @param maxWaiting most messages held per vehicle and topic; beyond it the gap is skipped
   */
  public MessageSequencer(Codec<T> codec, long resetDistance, int maxWaiting) {
    if (resetDistance <= 0 || maxWaiting <= 0) {
      throw new IllegalArgumentException("resetDistance and maxWaiting must be positive");
    }
    this.codec = codec;
    this.resetDistance = resetDistance;
    this.maxWaiting = maxWaiting;
  }

  /**
   * Offers one message.
   *
   * @param state the vehicle's state for this topic
   * @param key the stream's key (the VIN), handed to the codec
   * @param seq the message's sequence number
   * @param tsMs event time of the message (its first sample or event)
   * @param message the message
   * @param emit receives the messages that can go downstream now, in seq order
   */
  public Outcome offer(
      SequenceState state, String key, long seq, long tsMs, T message, Consumer<T> emit) {
    if (state.nextSeq < 0) {
      start(state, seq);
    }
    if (seq < state.nextSeq) {
      if (state.skipped.remove(seq)) {
        emit.accept(message);
        return Outcome.EMITTED;
      }
      if (seq >= state.startWindowLow && seq < state.startSeq && state.startStragglers.add(seq)) {
        // Lower the window's top over stragglers that now join it, so the set stays small.
        while (state.startStragglers.remove(state.startSeq - 1)) {
          state.startSeq--;
        }
        if (state.startSeq <= state.startWindowLow) {
          closeStartWindow(state);
        }
        emit.accept(message);
        return Outcome.EMITTED;
      }
      boolean restarted = state.nextSeq - seq > resetDistance && tsMs > state.lastEmittedTsMs;
      if (!restarted) {
        return Outcome.DUPLICATE;
      }
      // Flush what waits under the old numbering, then follow the new one.
      while (!state.waiting.isEmpty()) {
        emit.accept(codec.decode(key, state.waiting.pollFirstEntry().getValue()));
      }
      state.skipped.clear();
      closeStartWindow(state);
      start(state, seq);
    }
    if (seq > state.nextSeq) {
      if (state.waiting.containsKey(seq)) {
        return Outcome.DUPLICATE;
      }
      state.waiting.put(seq, codec.encode(message));
      if (state.waiting.size() > maxWaiting) {
        skipGap(state, key, emit);
      }
      return state.waiting.containsKey(seq) ? Outcome.WAITING : Outcome.EMITTED;
    }
    state.nextSeq = seq + 1;
    state.lastEmittedTsMs = Math.max(state.lastEmittedTsMs, tsMs);
    emit.accept(message);
    drainContiguous(state, key, emit);
    return Outcome.EMITTED;
  }

  /**
   * Gives up on the current gap: remembers the missing seqs (up to {@code maxWaiting}) and emits
   * the waiting messages up to the next gap.
   *
   * @return how many seqs were skipped
   */
  public long skipGap(SequenceState state, String key, Consumer<T> emit) {
    if (state.waiting.isEmpty()) {
      return 0;
    }
    long first = state.waiting.firstKey();
    long skipped = first - state.nextSeq;
    for (long s = state.nextSeq; s < first && state.skipped.size() < maxWaiting; s++) {
      state.skipped.add(s);
    }
    state.nextSeq = first;
    drainContiguous(state, key, emit);
    return skipped;
  }

  private void start(SequenceState state, long seq) {
    state.nextSeq = seq;
    state.startWindowLow = Math.max(0, seq - Math.min(START_WINDOW, resetDistance));
    state.startSeq = seq;
  }

  private static void closeStartWindow(SequenceState state) {
    state.startWindowLow = -1;
    state.startSeq = -1;
    state.startStragglers.clear();
  }

  private void drainContiguous(SequenceState state, String key, Consumer<T> emit) {
    while (!state.waiting.isEmpty() && state.waiting.firstKey() == state.nextSeq) {
      Map.Entry<Long, byte[]> next = state.waiting.pollFirstEntry();
      state.nextSeq = next.getKey() + 1;
      emit.accept(codec.decode(key, next.getValue()));
    }
  }
}
