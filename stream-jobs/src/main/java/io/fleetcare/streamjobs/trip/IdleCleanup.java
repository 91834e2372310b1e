package io.fleetcare.streamjobs.trip;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.streaming.api.TimerService;

/**
 * Drops a vehicle's keyed state after it has been quiet for {@code idle} of processing time.
 *
 * <p>One timer per vehicle, re-armed lazily: each input only records the time, and when the timer
 * fires early (there was input since) it is moved to the last input plus {@code idle}. Deleting and
 * registering a timer per message would cost a timer-state write for every telemetry batch.
 */
public final class IdleCleanup implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long idleMs;

  /**
   * @param idle how long a vehicle may be quiet before its state is dropped
   */
  public IdleCleanup(Duration idle) {
    if (idle == null || idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive, was " + idle);
    }
    this.idleMs = idle.toMillis();
  }

  /** Records input at the current processing time and makes sure a cleanup timer is pending. */
  public void touch(IdleClock clock, TimerService timers) {
    long now = timers.currentProcessingTime();
    clock.lastActivityMs = now;
    if (clock.timerMs < 0) {
      clock.timerMs = now + idleMs;
      timers.registerProcessingTimeTimer(clock.timerMs);
    }
  }

  /**
   * Called for every processing-time timer: true when {@code timestamp} is this clock's timer and
   * the vehicle has been quiet long enough (the caller then clears its state); otherwise re-arms
   * the timer if it was this clock's and returns false.
   */
  public boolean expired(IdleClock clock, long timestamp, TimerService timers) {
    if (timestamp != clock.timerMs) {
      return false;
    }
    long due = clock.lastActivityMs + idleMs;
    if (timestamp >= due) {
      clock.timerMs = -1;
      return true;
    }
    clock.timerMs = due;
    timers.registerProcessingTimeTimer(due);
    return false;
  }
}
