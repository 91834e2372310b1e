package io.fleetcare.streamjobs.trip;

/**
 * Processing-time bookkeeping that lets an operator drop a quiet vehicle's state: when the vehicle
 * was last seen and the one cleanup timer it has. Public fields keep it a Flink POJO; operators of
 * the trip, fuel, mileage and usage packages embed it in their state.
 */
public final class IdleClock {
  /** Processing time of the vehicle's last input, epoch ms. */
  public long lastActivityMs = Long.MIN_VALUE;

  /** The registered cleanup timer, or -1 when none is registered. */
  public long timerMs = -1;

  public IdleClock() {}
}
