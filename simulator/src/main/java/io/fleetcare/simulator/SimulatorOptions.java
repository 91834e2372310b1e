package io.fleetcare.simulator;

import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Options of one fleet simulation, validated at construction: a bad value throws {@link
 * IllegalArgumentException} naming the option.
 *
 * @param seed fleet seed; the same options give byte-identical output, and every vehicle derives
 *     its own seed from this one (default 1)
 * @param vehicles number of vehicles, 1..999,999 (the VIN serial has six digits) (default 5)
 * @param days simulated days of event time, &gt; 0 and at most 3660 (default 1)
 * @param start event time the simulation starts at (default 2026-01-05T00:00:00Z, a Monday)
 * @param samplesPerMessage samples batched into one telemetry message, 1..10,000 (default 10)
 * @param sampleIntervalS seconds of event time between published samples, 1..3600 (default 1).
 *     Physics always steps per second; with a longer interval a sample carries the mean of the
 *     rate-like signals (speed, fuel rate, MAF, traction current) over its interval, so integrating
 *     the samples still gives the driven distance and fuel, and the instantaneous value of the
 *     state-like ones (voltages, levels, odometer)
 * @param hybridShare share of hybrid (HEV) vehicles, 0..1 (default 0.2)
 * @param electricShare share of battery-electric vehicles, 0..1 with hybridShare + electricShare
 *     &le; 1 (default 0.2); the rest are combustion (ICE) cars
 * @param slowSignalPeriodS seconds between samples that carry slowly changing signals (fuel level,
 *     tyres, pad wear, state of health, air temperature); they also appear in the first and last
 *     sample of every trip; 1..3600 (default 60)
 * @param threads worker threads stepping the vehicles' physics, 1..256 (default: available
 *     processors); the output does not depend on it
 * @param maxMessagesPerSecond throttle on messages handed to the sink per wall-clock second, 0 for
 *     no throttle (default 0)
 * @param faults gateway faults to inject (default none)
 * @param publishServiceEvents whether services the simulated owners have done are published as
 *     {@code SERVICE_PERFORMED} events, standing in for the dealer side (default true)
 * @param groundTruthFile where to write the ground truth as JSON lines, or null for none (default
 *     null); the options are written next to it as {@code <name>.config.json}
 */
public record SimulatorOptions(
    long seed,
    int vehicles,
    double days,
    Instant start,
    int samplesPerMessage,
    int sampleIntervalS,
    double hybridShare,
    double electricShare,
    int slowSignalPeriodS,
    int threads,
    double maxMessagesPerSecond,
    GatewayFaultOptions faults,
    boolean publishServiceEvents,
    Path groundTruthFile) {

  /** Default start: a Monday, so the first simulated day is a working day. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

  public SimulatorOptions {
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(faults, "faults must not be null (use GatewayFaultOptions.NONE)");
    require(vehicles >= 1 && vehicles <= 999_999, "vehicles must be 1..999999, was " + vehicles);
    require(
        Double.isFinite(days) && days > 0 && days <= 3660,
        "days must be > 0 and at most 3660, was " + days);
    require(
        samplesPerMessage >= 1 && samplesPerMessage <= 10_000,
        "samplesPerMessage must be 1..10000, was " + samplesPerMessage);
    require(
        sampleIntervalS >= 1 && sampleIntervalS <= 3600,
        "sampleIntervalS must be 1..3600 seconds, was " + sampleIntervalS);
    require(share(hybridShare), "hybridShare must be 0..1, was " + hybridShare);
    require(share(electricShare), "electricShare must be 0..1, was " + electricShare);
    require(
        hybridShare + electricShare <= 1.0 + 1e-9,
        "hybridShare + electricShare must be at most 1, was " + (hybridShare + electricShare));
    require(
        slowSignalPeriodS >= 1 && slowSignalPeriodS <= 3600,
        "slowSignalPeriodS must be 1..3600 seconds, was " + slowSignalPeriodS);
    require(threads >= 1 && threads <= 256, "threads must be 1..256, was " + threads);
    require(
        Double.isFinite(maxMessagesPerSecond) && maxMessagesPerSecond >= 0,
        "maxMessagesPerSecond must be >= 0 (0 = unthrottled), was " + maxMessagesPerSecond);
    long endMs = start.toEpochMilli() + (long) (days * 86_400_000L);
    require(
        endMs < Instant.parse("2100-01-01T00:00:00Z").toEpochMilli(),
        "start + days must end before 2100 (the wire contract's event-time limit)");
  }

  /** A builder with the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .seed(seed)
        .vehicles(vehicles)
        .days(days)
        .start(start)
        .samplesPerMessage(samplesPerMessage)
        .sampleIntervalS(sampleIntervalS)
        .hybridShare(hybridShare)
        .electricShare(electricShare)
        .slowSignalPeriodS(slowSignalPeriodS)
        .threads(threads)
        .maxMessagesPerSecond(maxMessagesPerSecond)
        .faults(faults)
        .publishServiceEvents(publishServiceEvents)
        .groundTruthFile(groundTruthFile);
  }

  /** Event time the simulation ends at, exclusive. */
  public Instant end() {
    return start.plusMillis((long) (days * 86_400_000L));
  }

  private static boolean share(double value) {
    return Double.isFinite(value) && value >= 0 && value <= 1;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds {@link SimulatorOptions}; every setter names the option it sets. */
  public static final class Builder {
    private long seed = 1;
    private int vehicles = 5;
    private double days = 1;
    private Instant start = DEFAULT_START;
    private int samplesPerMessage = 10;
    private int sampleIntervalS = 1;
    private double hybridShare = 0.2;
    private double electricShare = 0.2;
    private int slowSignalPeriodS = 60;
    private int threads = Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors()));
    private double maxMessagesPerSecond = 0;
    private GatewayFaultOptions faults = GatewayFaultOptions.NONE;
    private boolean publishServiceEvents = true;
    private Path groundTruthFile;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder vehicles(int vehicles) {
      this.vehicles = vehicles;
      return this;
    }

    public Builder days(double days) {
      this.days = days;
      return this;
    }

    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    public Builder samplesPerMessage(int samplesPerMessage) {
      this.samplesPerMessage = samplesPerMessage;
      return this;
    }

    public Builder sampleIntervalS(int sampleIntervalS) {
      this.sampleIntervalS = sampleIntervalS;
      return this;
    }

    public Builder hybridShare(double hybridShare) {
      this.hybridShare = hybridShare;
      return this;
    }

    public Builder electricShare(double electricShare) {
      this.electricShare = electricShare;
      return this;
    }

    public Builder slowSignalPeriodS(int slowSignalPeriodS) {
      this.slowSignalPeriodS = slowSignalPeriodS;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder maxMessagesPerSecond(double maxMessagesPerSecond) {
      this.maxMessagesPerSecond = maxMessagesPerSecond;
      return this;
    }

    public Builder faults(GatewayFaultOptions faults) {
      this.faults = faults;
      return this;
    }

    public Builder publishServiceEvents(boolean publishServiceEvents) {
      this.publishServiceEvents = publishServiceEvents;
      return this;
    }

    /** Where to write ground truth (JSON lines), or null for none. */
    public Builder groundTruthFile(Path groundTruthFile) {
      this.groundTruthFile = groundTruthFile;
      return this;
    }

    /** Validates and builds; throws {@link IllegalArgumentException} for a bad value. */
    public SimulatorOptions build() {
      return new SimulatorOptions(
          seed,
          vehicles,
          days,
          start,
          samplesPerMessage,
          sampleIntervalS,
          hybridShare,
          electricShare,
          slowSignalPeriodS,
          threads,
          maxMessagesPerSecond,
          faults,
          publishServiceEvents,
          groundTruthFile);
    }
  }
}
