package io.fleetcare.simulator.replay;

import io.fleetcare.core.wire.Vin;
import java.time.Instant;
import java.util.Objects;

/**
 * Options of one log replay, validated at construction.
 *
 * @param mapping how to read the log
 * @param vin the VIN to publish as (must be valid)
 * @param start event time of the first row for logs without absolute time (fixed-rate,
 *     seconds-since-start; the date for time-of-day without a date); default 2026-01-05T08:00:00Z
 * @param samplesPerMessage rows batched per telemetry message, 1..10,000 (default 10)
 * @param firstTelemetrySeq seq of the first telemetry message, ≥ 1 (default 1); continue a previous
 *     replay of the same VIN with its last seq + 1
 * @param firstEventSeq seq of the first event message, ≥ 1 (default 1)
 * @param speedFactor 0 to publish as fast as the sink takes it (default), or a multiple of real
 *     time (1 = as recorded, 10 = ten times faster)
 * @param publishProfile whether to publish the retained profile first (default true)
 * @param emitIgnitionEvents whether to publish IGNITION_ON before the first row and IGNITION_OFF
 *     after the last, as a gateway would around a logged trip (default true)
 */
public record ReplayOptions(
    ReplayMapping mapping,
    String vin,
    Instant start,
    int samplesPerMessage,
    long firstTelemetrySeq,
    long firstEventSeq,
    double speedFactor,
    boolean publishProfile,
    boolean emitIgnitionEvents) {

  /** Default start of logs without absolute time. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T08:00:00Z");

  public ReplayOptions {
    Objects.requireNonNull(mapping, "mapping must not be null");
    Objects.requireNonNull(vin, "vin must not be null");
    Objects.requireNonNull(start, "start must not be null");
    Vin.problem(vin)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("vin: " + problem);
            });
    if (samplesPerMessage < 1 || samplesPerMessage > 10_000) {
      throw new IllegalArgumentException(
          "samplesPerMessage must be 1..10000, was " + samplesPerMessage);
    }
    if (firstTelemetrySeq < 1 || firstEventSeq < 1) {
      throw new IllegalArgumentException("first seq numbers must be >= 1");
    }
    if (!Double.isFinite(speedFactor) || speedFactor < 0) {
      throw new IllegalArgumentException(
          "speedFactor must be >= 0 (0 = unpaced), was " + speedFactor);
    }
  }

  /** Defaults for {@code mapping} and {@code vin}. */
  public static ReplayOptions defaults(ReplayMapping mapping, String vin) {
    return new ReplayOptions(mapping, vin, DEFAULT_START, 10, 1, 1, 0, true, true);
  }

  public ReplayOptions withStart(Instant newStart) {
    return new ReplayOptions(
        mapping,
        vin,
        newStart,
        samplesPerMessage,
        firstTelemetrySeq,
        firstEventSeq,
        speedFactor,
        publishProfile,
        emitIgnitionEvents);
  }

  public ReplayOptions withSamplesPerMessage(int n) {
    return new ReplayOptions(
        mapping,
        vin,
        start,
        n,
        firstTelemetrySeq,
        firstEventSeq,
        speedFactor,
        publishProfile,
        emitIgnitionEvents);
  }

  public ReplayOptions withFirstSeqs(long telemetrySeq, long eventSeq) {
    return new ReplayOptions(
        mapping,
        vin,
        start,
        samplesPerMessage,
        telemetrySeq,
        eventSeq,
        speedFactor,
        publishProfile,
        emitIgnitionEvents);
  }

  public ReplayOptions withSpeedFactor(double factor) {
    return new ReplayOptions(
        mapping,
        vin,
        start,
        samplesPerMessage,
        firstTelemetrySeq,
        firstEventSeq,
        factor,
        publishProfile,
        emitIgnitionEvents);
  }

  public ReplayOptions withPublishProfile(boolean publish) {
    return new ReplayOptions(
        mapping,
        vin,
        start,
        samplesPerMessage,
        firstTelemetrySeq,
        firstEventSeq,
        speedFactor,
        publish,
        emitIgnitionEvents);
  }

  public ReplayOptions withIgnitionEvents(boolean emit) {
    return new ReplayOptions(
        mapping,
        vin,
        start,
        samplesPerMessage,
        firstTelemetrySeq,
        firstEventSeq,
        speedFactor,
        publishProfile,
        emit);
  }
}
