package io.fleetcare.core.wire;

/** The outcome of decoding one payload: a message, or a rejection with its reason. */
public sealed interface DecodeResult {
  /** The payload was valid. */
  record Accepted(VehicleMessage message) implements DecodeResult {}

  /**
   * The payload was rejected.
   *
   * @param reason machine-readable reason
   * @param detail human-readable explanation naming the offending field or value
   */
  record Rejected(RejectReason reason, String detail) implements DecodeResult {}
}
