package io.fleetcare.app;

import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcare job}: only the stream job, in-process, against a real broker and database. */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Run the stream job (no simulator) against a real broker and database.")
public final class JobCommand implements Callable<Integer> {
  @Option(
      names = "--broker",
      required = true,
      description = "MQTT broker URL, e.g. tcp://127.0.0.1:1883")
  String broker;

  @Option(
      names = "--jdbc",
      required = true,
      description =
          "PostgreSQL/TimescaleDB JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/fleetcare?user=postgres")
  String jdbc;

  @Option(
      names = "--group",
      defaultValue = "fleetcare",
      description = "MQTT shared-subscription group (default: ${DEFAULT-VALUE})")
  String group;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Job parallelism (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "5s",
      description = "Checkpoint interval; MQTT acks follow checkpoints (default: ${DEFAULT-VALUE})")
  Duration checkpointInterval;

  @Option(
      names = "--model-dir",
      defaultValue = "",
      description =
          "Model root written by 'fleetcare train'; the newest version is served and a newer one"
              + " picked up while running (default: none, the trend prior)")
  String modelDir;

  @Override
  public Integer call() throws Exception {
    TelemetryJobOptions options =
        TelemetryJobOptions.defaults(broker, jdbc)
            .withSharedGroup(group)
            .withCheckpointing(checkpointInterval, parallelism)
            .withModelDirectory(modelDir);
    SchemaMigrator.migrate(jdbc);
    StreamExecutionEnvironment env = LocalFlink.environment(parallelism);
    TelemetryJob.build(
        env, TelemetryJob.mqttSource(options), TelemetryJob.jdbcSinks(options), options);
    env.execute("fleetcare-telemetry");
    return 0;
  }
}
