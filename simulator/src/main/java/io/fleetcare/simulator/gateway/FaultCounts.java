package io.fleetcare.simulator.gateway;

/**
 * How many messages each injected gateway fault touched. With these a test can account for every
 * message: sent = produced - dropped + duplicated + malformed + vinMismatched.
 *
 * @param produced messages the vehicles produced (telemetry and events, not profiles)
 * @param duplicated extra copies sent by the duplicate fault
 * @param reordered telemetry messages sent after their successor
 * @param late telemetry messages held back and sent late
 * @param dropped messages never sent
 * @param skewed telemetry messages whose timestamps were shifted
 * @param malformed extra corrupted copies sent
 * @param vinMismatched extra copies sent with a payload VIN that differs from the topic VIN
 */
public record FaultCounts(
    long produced,
    long duplicated,
    long reordered,
    long late,
    long dropped,
    long skewed,
    long malformed,
    long vinMismatched) {
  /** Nothing counted. */
  public static final FaultCounts NONE = new FaultCounts(0, 0, 0, 0, 0, 0, 0, 0);

  /** Messages handed to the sink (profiles excluded). */
  public long sent() {
    return produced - dropped + duplicated + malformed + vinMismatched;
  }
}
