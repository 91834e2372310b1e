package io.fleetcare.streamjobs.fault;

import io.fleetcare.streamjobs.battery.IdleExpiringState;

/**
 * The codes currently set on one vehicle (at most {@link #SLOTS}; a car with more is broken enough
 * that the oldest ones matter). Flink POJO with fixed-size arrays; a null code is a free slot.
 */
public final class FaultCodeState extends IdleExpiringState {
  static final int SLOTS = 8;

  public String[] codes = new String[SLOTS];
  public long[] firstSetMs = new long[SLOTS];
  public boolean[] persistent = new boolean[SLOTS];

  /** Latest ignition-on seen, event time: a code set again after it is set in a later trip. */
  public long lastIgnitionOnMs = Long.MIN_VALUE;

  public FaultCodeState() {}
}
