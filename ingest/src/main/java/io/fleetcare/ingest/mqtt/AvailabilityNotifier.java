package io.fleetcare.ingest.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The reader's {@code isAvailable()} future: Paho's threads complete it when a message arrives, so
 * the task thread sleeps instead of polling an empty queue.
 */
final class AvailabilityNotifier {
  private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

  private CompletableFuture<Void> future = new CompletableFuture<>();

  /**
   * A future that completes once {@code hasData} may be true. Checking under the lock that {@link
   * #notifyAvailable()} takes means an arrival cannot slip between the check and the wait.
   */
  synchronized CompletableFuture<Void> future(BooleanSupplier hasData) {
    if (hasData.getAsBoolean()) {
      return AVAILABLE;
    }
    if (future.isDone()) {
      future = new CompletableFuture<>();
    }
    return future;
  }

  /** Wakes the reader; called after a message was queued. */
  synchronized void notifyAvailable() {
    future.complete(null);
  }
}
