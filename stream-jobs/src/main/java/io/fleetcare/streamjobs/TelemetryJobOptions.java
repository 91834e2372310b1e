package io.fleetcare.streamjobs;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Options of {@link TelemetryJob}.
 *
 * @param brokerUrl MQTT broker, e.g. {@code tcp://127.0.0.1:1883} (required)
 * @param jdbcUrl PostgreSQL / TimescaleDB JDBC URL with credentials (required)
 * @param sharedGroup MQTT shared-subscription group the readers join (default {@code fleetcare})
 * @param parallelism parallelism of the job (default 2)
 * @param checkpointInterval checkpoint interval; MQTT messages are acknowledged when the checkpoint
 *     that covers them completes (default 5 s)
 * @param sequenceGapTimeout how long a missing {@code seq} holds later messages back before it is
 *     given up (default 10 s). A trade-off: when the two readers drift apart by more than this
 *     under a backlog, a late message comes out after the ones that follow it and the distance and
 *     brake operators ignore its samples (FleetPipelineIT sets 30 min); longer, and a message
 *     really lost (e.g. by Mosquitto after a restart, before the readers subscribe again) holds its
 *     vehicle's later messages back that long (BrokerRestartDrill's probe waited past its 2 minutes
 *     at 5 min).
 * @param maxSampleGap longest interval between two samples that is still integrated into distance
 *     and fuel (default 120 s)
 * @param vehicleIdleTimeout a vehicle without messages for this long loses its keyed state;
 *     processing time (default 60 days)
 * @param modelDirectory root of the predictor's versioned model files; the newest version is served
 *     and a newer one is picked up while running. Empty (default): the trend prior forecasts alone
 */
public record TelemetryJobOptions(
    String brokerUrl,
    String jdbcUrl,
    String sharedGroup,
    int parallelism,
    Duration checkpointInterval,
    Duration sequenceGapTimeout,
    Duration maxSampleGap,
    Duration vehicleIdleTimeout,
    String modelDirectory)
    implements Serializable {
  public TelemetryJobOptions {
    if (!brokerUrl.matches("(tcp|ssl|ws|wss)://.+")) {
      throw new IllegalArgumentException(
          "--broker must be an MQTT URL like tcp://host:1883, was '" + brokerUrl + "'");
    }
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--jdbc must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/fleetcare?user=u, was '"
              + jdbcUrl
              + "'");
    }
    if (!sharedGroup.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("--group must be letters, digits, '-' or '_'");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1");
    }
    requirePositive(checkpointInterval, "--checkpoint-interval");
    requirePositive(sequenceGapTimeout, "--sequence-gap-timeout");
    requirePositive(maxSampleGap, "--max-sample-gap");
    requirePositive(vehicleIdleTimeout, "--vehicle-idle-timeout");
    if (modelDirectory == null) {
      throw new IllegalArgumentException("--model-dir must be a directory or empty");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * The default checkpoint interval (MQTT messages are acknowledged when a checkpoint completes).
   */
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

  /** Options with the documented defaults for the given broker and database. */
  public static TelemetryJobOptions defaults(String brokerUrl, String jdbcUrl) {
    return new TelemetryJobOptions(
        brokerUrl,
        jdbcUrl,
        "fleetcare",
        2,
        DEFAULT_CHECKPOINT_INTERVAL,
        Duration.ofSeconds(10),
        Duration.ofSeconds(120),
        Duration.ofDays(60),
        "");
  }

  /** These options with the predictor's model root ({@code ""}: the trend prior alone). */
  public TelemetryJobOptions withModelDirectory(String directory) {
    return new TelemetryJobOptions(
        brokerUrl,
        jdbcUrl,
        sharedGroup,
        parallelism,
        checkpointInterval,
        sequenceGapTimeout,
        maxSampleGap,
        vehicleIdleTimeout,
        directory);
  }

  /** These options with another longest integrated sample gap. */
  public TelemetryJobOptions withMaxSampleGap(Duration gap) {
    return new TelemetryJobOptions(
        brokerUrl,
        jdbcUrl,
        sharedGroup,
        parallelism,
        checkpointInterval,
        sequenceGapTimeout,
        gap,
        vehicleIdleTimeout,
        modelDirectory);
  }

  /** These options with another checkpoint interval and parallelism. */
  public TelemetryJobOptions withCheckpointing(Duration interval, int newParallelism) {
    return new TelemetryJobOptions(
        brokerUrl,
        jdbcUrl,
        sharedGroup,
        newParallelism,
        interval,
        sequenceGapTimeout,
        maxSampleGap,
        vehicleIdleTimeout,
        modelDirectory);
  }

  /** These options with another shared-subscription group. */
  public TelemetryJobOptions withSharedGroup(String group) {
    return new TelemetryJobOptions(
        brokerUrl,
        jdbcUrl,
        group,
        parallelism,
        checkpointInterval,
        sequenceGapTimeout,
        maxSampleGap,
        vehicleIdleTimeout,
        modelDirectory);
  }

  /**
   * Parses {@code --broker URL --jdbc URL [--group G] [--parallelism N] [--checkpoint-interval 5s]
   * [--model-dir DIR]}; durations take ISO-8601 ({@code PT5S}) or {@code 5s / 500ms / 2m}.
   */
  public static TelemetryJobOptions parse(String... args) {
    Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
    String broker = null;
    String jdbc = null;
    String group = "fleetcare";
    int parallelism = 2;
    Duration checkpoint = DEFAULT_CHECKPOINT_INTERVAL;
    String modelDir = "";
    while (!rest.isEmpty()) {
      String flag = rest.poll();
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = rest.poll();
      switch (flag) {
        case "--broker" -> broker = value;
        case "--jdbc" -> jdbc = value;
        case "--group" -> group = value;
        case "--parallelism" -> parallelism = Integer.parseInt(value);
        case "--checkpoint-interval" -> checkpoint = Durations.parse(value);
        case "--model-dir" -> modelDir = value;
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (broker == null || jdbc == null) {
      throw new IllegalArgumentException("--broker and --jdbc are required");
    }
    TelemetryJobOptions d = defaults(broker, jdbc);
    return d.withSharedGroup(group)
        .withCheckpointing(checkpoint, parallelism)
        .withModelDirectory(modelDir);
  }
}
