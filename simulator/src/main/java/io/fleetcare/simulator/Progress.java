package io.fleetcare.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A progress report.
 *
 * @param eventTime the event time published up to
 * @param fractionDone 0..1 of the event-time span (or of the log) done
 * @param messagesSent messages handed to the sink so far
 * @param samplesSent samples in those messages
 * @param elapsed wall-clock time since the start
 * @param messagesPerSecond mean publishing rate so far, messages per wall-clock second
 * @param eta estimated wall-clock time to completion (zero when done, or unknown at the start)
 * @param done whether this is the final report
 */
public record Progress(
    Instant eventTime,
    double fractionDone,
    long messagesSent,
    long samplesSent,
    Duration elapsed,
    double messagesPerSecond,
    Duration eta,
    boolean done) {

  /** A one-line human-readable form, e.g. for a CLI. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%5.1f %% event time %s, %,d messages (%,d samples), %,.0f msg/s, elapsed %ds, ETA %ds",
        fractionDone * 100,
        eventTime,
        messagesSent,
        samplesSent,
        messagesPerSecond,
        elapsed.toSeconds(),
        eta.toSeconds());
  }
}
