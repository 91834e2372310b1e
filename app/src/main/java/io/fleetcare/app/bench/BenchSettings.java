package io.fleetcare.app.bench;

import io.fleetcare.streamjobs.TelemetryJobOptions;
import java.time.Duration;

/**
 * How long and how hard each stage runs. {@link #quick()} fits in under five minutes; {@link
 * #full()} holds every pipeline step for 60 s as issue #8 asks.
 *
 * @param vehicles fleet size of the pipeline stage
 * @param publisherThreads MQTT connections (and threads) of the load generator
 * @param maxInflight unacknowledged QoS 1 messages per publisher connection
 * @param brokerStartPerS first rate of the broker-alone ladder, messages per second
 * @param brokerStep how long each broker-alone step publishes (the first second is warm-up)
 * @param copyRows rows of the raw COPY
 * @param pipelineStartPerS first rate of the pipeline ladder
 * @param ladderFactor each step offers this much more than the last until one fails
 * @param refinements bisection steps after the first failed step
 * @param maxSteps most steps per ladder
 * @param pipelineWarmup part of a pipeline step that is not measured
 * @param pipelineWindow measured part of a pipeline step (issue #8: 60 s)
 * @param drainTimeout how long a pipeline step may take to work off its backlog afterwards
 * @param latencyDuration length of the latency stage at 70 % of the sustained rate
 * @param markEvery every n-th vehicle's messages are marked for publish → row latency
 * @param checkpointInterval the job's checkpoint interval (MQTT acknowledgements follow it); by
 *     default the job's own default, so the bench measures what {@code ./fleetcare job} runs
 * @param parallelism the job's parallelism
 */
public record BenchSettings(
    int vehicles,
    int publisherThreads,
    int maxInflight,
    double brokerStartPerS,
    Duration brokerStep,
    int copyRows,
    double pipelineStartPerS,
    double ladderFactor,
    int refinements,
    int maxSteps,
    Duration pipelineWarmup,
    Duration pipelineWindow,
    Duration drainTimeout,
    Duration latencyDuration,
    int markEvery,
    Duration checkpointInterval,
    int parallelism) {
  /** {@code ./fleetcare job}'s default checkpoint interval. */
  static final Duration JOB_CHECKPOINT_INTERVAL = TelemetryJobOptions.DEFAULT_CHECKPOINT_INTERVAL;

  /**
   * Under five minutes: 15 s pipeline windows, two bisection steps after the first failed one (so
   * the sustained rate is resolved to a quarter of the last doubling, e.g. 3,000 or 3,500 msgs/s
   * between 2,000 and 4,000).
   */
  public static BenchSettings quick() {
    return new BenchSettings(
        2_000,
        2,
        2_000,
        2_000,
        Duration.ofSeconds(6),
        30_000,
        1_000,
        2,
        2,
        6,
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofSeconds(20),
        10,
        JOB_CHECKPOINT_INTERVAL,
        2);
  }

  /** Issue #8's definition: every pipeline step measured for 60 s. */
  public static BenchSettings full() {
    return new BenchSettings(
        10_000,
        2,
        2_000,
        2_000,
        Duration.ofSeconds(10),
        100_000,
        1_000,
        1.5,
        2,
        12,
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        Duration.ofSeconds(90),
        Duration.ofSeconds(60),
        10,
        JOB_CHECKPOINT_INTERVAL,
        2);
  }

  /** These settings with another fleet size. */
  public BenchSettings withVehicles(int n) {
    return new BenchSettings(
        n,
        publisherThreads,
        maxInflight,
        brokerStartPerS,
        brokerStep,
        copyRows,
        pipelineStartPerS,
        ladderFactor,
        refinements,
        maxSteps,
        pipelineWarmup,
        pipelineWindow,
        drainTimeout,
        latencyDuration,
        markEvery,
        checkpointInterval,
        parallelism);
  }

  /** These settings with another first pipeline rate. */
  public BenchSettings withPipelineStart(double perS) {
    return new BenchSettings(
        vehicles,
        publisherThreads,
        maxInflight,
        brokerStartPerS,
        brokerStep,
        copyRows,
        perS,
        ladderFactor,
        refinements,
        maxSteps,
        pipelineWarmup,
        pipelineWindow,
        drainTimeout,
        latencyDuration,
        markEvery,
        checkpointInterval,
        parallelism);
  }

  /** These settings with another checkpoint interval. */
  public BenchSettings withCheckpointInterval(Duration interval) {
    return new BenchSettings(
        vehicles,
        publisherThreads,
        maxInflight,
        brokerStartPerS,
        brokerStep,
        copyRows,
        pipelineStartPerS,
        ladderFactor,
        refinements,
        maxSteps,
        pipelineWarmup,
        pipelineWindow,
        drainTimeout,
        latencyDuration,
        markEvery,
        interval,
        parallelism);
  }
}
