package io.fleetcare.workorders.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the {@code /api/events} streams, read by operators and the slow-consumer drill.
 * Thread-safe; every stream of one service shares one instance.
 */
public final class EventStreamMetrics {
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong eventsSent = new AtomicLong();
  private final AtomicLong slowClientsDropped = new AtomicLong();

  void opened() {
    opened.incrementAndGet();
  }

  void sent() {
    eventsSent.incrementAndGet();
  }

  void slowClientDropped() {
    slowClientsDropped.incrementAndGet();
  }

  /** The counters now. */
  public Snapshot snapshot() {
    return new Snapshot(opened.get(), eventsSent.get(), slowClientsDropped.get());
  }

  /**
   * @param streamsOpened event streams opened since start
   * @param eventsSent order events written to streams
   * @param slowClientsDropped streams closed because the client did not read and its write queue
   *     was full
   */
  public record Snapshot(long streamsOpened, long eventsSent, long slowClientsDropped) {}
}
