package io.fleetcare.streamjobs.trip;

/**
 * Processing-time bookkeeping that lets an operator drop a quiet vehicle's state: when the vehicle
 * was last seen and the one cleanup timer it has. Public fields keep it a Flink POJO; every
 * per-vehicle operator embeds it in its state (the battery, brake, tyre and fault-code ones through
 * {@code battery.IdleExpiringState}).
 */
public final class IdleClock {
  /** Processing time of the vehicle's last input, epoch ms. */
  public long lastActivityMs = Long.MIN_VALUE;

  /** The registered cleanup timer, or -1 when none is registered. */
  public long timerMs = -1;

  public IdleClock() {}
}
