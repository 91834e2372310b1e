package io.fleetcare.simulator;

import java.time.Duration;
import java.time.Instant;

/** Counts what was sent and reports to a {@link ProgressListener} about once a second. */
final class ProgressTracker {
  private static final long REPORT_EVERY_NS = 1_000_000_000L;

  private final ProgressListener listener;
  private final long startNs = System.nanoTime();
  private long lastReportNs = startNs;
  private long messages;
  private long samples;

  ProgressTracker(ProgressListener listener) {
    this.listener = listener;
  }

  void sent(int sampleCount) {
    messages++;
    samples += sampleCount;
  }

  void maybeReport(Instant eventTime, double fraction) {
    long now = System.nanoTime();
    if (now - lastReportNs >= REPORT_EVERY_NS) {
      lastReportNs = now;
      listener.onProgress(progress(eventTime, fraction, now, false));
    }
  }

  void done(Instant eventTime) {
    listener.onProgress(progress(eventTime, 1.0, System.nanoTime(), true));
  }

  private Progress progress(Instant eventTime, double fraction, long nowNs, boolean done) {
    Duration elapsed = Duration.ofNanos(nowNs - startNs);
    double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
    Duration eta =
        done || fraction <= 0
            ? Duration.ZERO
            : Duration.ofMillis((long) (seconds * (1 - fraction) / fraction * 1000));
    return new Progress(
        eventTime,
        Math.min(1, fraction),
        messages,
        samples,
        elapsed,
        messages / seconds,
        eta,
        done);
  }
}
