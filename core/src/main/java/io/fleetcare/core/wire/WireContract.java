package io.fleetcare.core.wire;

/** Constants of the gateway wire contract (see {@code docs/wire-contract.md}). */
public final class WireContract {
  /** The only schema version this build reads and writes. */
  public static final int VERSION = 1;

  private WireContract() {}
}
