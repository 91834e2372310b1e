package io.fleetcare.simulator;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces sends to a target rate of messages per wall-clock second. Keeps an ideal schedule rather
 * than sleeping per message, so the long-run rate is exact even though each sleep is coarse.
 */
public final class Throttle {
  private final double perSecond;
  private final long startNs = System.nanoTime();
  private long permits;

  /**
   * @param perSecond target rate; 0 or less disables the throttle
   */
  public Throttle(double perSecond) {
    this.perSecond = perSecond;
  }

  /** Waits until one more message may go. */
  public void acquire() {
    if (perSecond <= 0) {
      return;
    }
    permits++;
    long dueNs = startNs + (long) (permits / perSecond * 1e9);
    long waitNs;
    while ((waitNs = dueNs - System.nanoTime()) > 0) {
      LockSupport.parkNanos(waitNs);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}
