package io.fleetcare.streamjobs.battery;

import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * Bookkeeping every per-vehicle signal state carries so its operator can drop it when the vehicle
 * goes quiet: the {@link IdleClock} that {@link io.fleetcare.streamjobs.trip.IdleCleanup} keeps.
 * Processing time, not event time: a parked car's state must not live forever even when no
 * watermark moves, and a compressed simulated fleet must not expire during a replay.
 */
public class IdleExpiringState {
  public IdleClock idle = new IdleClock();

  public IdleExpiringState() {}
}
