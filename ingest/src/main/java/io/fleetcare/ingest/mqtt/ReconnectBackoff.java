package io.fleetcare.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delay before reconnect attempt n (1, 2, …): {@code min × 2^(n-1)}, at most {@code max}, then
 * jittered uniformly by ±50 %. The jitter comes after the cap, so that readers which lost the same
 * broker stay spread out even after a long outage (resilience4j's exponential random back-off clips
 * at the cap and would send half of them back at the same instant).
 *
 * @param minMs delay before the first attempt
 * @param maxMs bound on the delay before jitter
 */
record ReconnectBackoff(long minMs, long maxMs) {
  private static final double JITTER = 0.5;

  ReconnectBackoff {
    if (minMs < 1 || maxMs < minMs) {
      throw new IllegalArgumentException("need 1 <= minMs <= maxMs, was " + minMs + ", " + maxMs);
    }
  }

  static ReconnectBackoff of(MqttSourceOptions options) {
    return new ReconnectBackoff(
        options.reconnectMinDelay().toMillis(), options.reconnectMaxDelay().toMillis());
  }

  /** The jittered delay in ms before attempt {@code attempt} (1-based). */
  long delayMs(int attempt) {
    int doublings = Math.min(Math.max(attempt, 1) - 1, 62);
    double capped = Math.min((double) maxMs, minMs * Math.pow(2, doublings));
    double factor = 1 - JITTER + ThreadLocalRandom.current().nextDouble() * 2 * JITTER;
    return Math.round(capped * factor);
  }

  Duration delay(int attempt) {
    return Duration.ofMillis(delayMs(attempt));
  }
}
