package io.fleetcare.streamjobs.battery;

/**
 * Bookkeeping every per-vehicle signal state carries so its operator can drop it when the vehicle
 * goes quiet. Processing time, not event time: a parked car's state must not live forever even when
 * no watermark moves, and a compressed simulated fleet must not expire during a replay.
 */
public class IdleExpiringState {
  /** Processing time the vehicle was last seen, ms. */
  public long lastSeenMs;

  /** Processing time of the one registered expiry timer, or -1. */
  public long expiryTimerMs = -1;

  public IdleExpiringState() {}
}
