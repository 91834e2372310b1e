package io.fleetcare.core.wire;

import java.time.Instant;

/**
 * Bounds the decoder enforces so a hostile gateway cannot exhaust memory or poison the time axis.
 *
 * @param maxPayloadBytes largest payload parsed at all, in bytes (default 1 MiB)
 * @param maxBatchSize most samples or events in one message (default 10,000)
 * @param maxSignalsPerSample most signals in one sample (default 512)
 * @param minEventTimeMs earliest plausible event time (default 1996-01-01, when OBD-II began)
 * @param maxEventTimeMs latest plausible event time (default 2100-01-01); simulated fleets run in
 *     the future, so this is not tied to the wall clock
 */
public record DecodeLimits(
    int maxPayloadBytes,
    int maxBatchSize,
    int maxSignalsPerSample,
    long minEventTimeMs,
    long maxEventTimeMs) {
  /** The defaults documented above. */
  public static final DecodeLimits DEFAULT =
      new DecodeLimits(
          1 << 20,
          10_000,
          512,
          Instant.parse("1996-01-01T00:00:00Z").toEpochMilli(),
          Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());

  public DecodeLimits {
    if (maxPayloadBytes <= 0 || maxBatchSize <= 0 || maxSignalsPerSample <= 0) {
      throw new IllegalArgumentException("decode limits must be positive");
    }
    if (minEventTimeMs >= maxEventTimeMs) {
      throw new IllegalArgumentException("minEventTimeMs must be before maxEventTimeMs");
    }
  }
}
