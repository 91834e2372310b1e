package io.fleetcare.app.demo;

import io.fleetcare.app.ApiCommand;
import io.fleetcare.app.LocalFlink;
import io.fleetcare.app.embedded.EmbeddedBroker;
import io.fleetcare.app.embedded.EmbeddedDatabase;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcare demo}: the whole system in one process on embedded parts — HiveMQ CE,
 * PostgreSQL, local Flink and the fleet simulator — with a live progress line and a closing
 * summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run everything in one process: embedded broker and database, the stream job and a simulated fleet.",
      "Stop with Ctrl-C or --duration."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--broker",
      description = "Use this MQTT broker instead of the embedded HiveMQ CE")
  Optional<String> broker;

  @Option(
      names = "--broker-port",
      defaultValue = "18830",
      description = "Port of the embedded broker (default: ${DEFAULT-VALUE})")
  int brokerPort;

  @Option(
      names = "--jdbc",
      description = "Use this PostgreSQL/TimescaleDB instead of the embedded PostgreSQL")
  Optional<String> jdbc;

  @Option(
      names = "--duration",
      description = "Stop after this long, e.g. 60s or 5m (default: until Ctrl-C)")
  Optional<Duration> duration;

  @Option(
      names = "--vehicles",
      defaultValue = "10",
      description = "Simulated vehicles (default: ${DEFAULT-VALUE})")
  int vehicles;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Simulated days of fleet life (default: ${DEFAULT-VALUE})")
  double days;

  @Option(
      names = "--rate",
      defaultValue = "300",
      description =
          "Messages per second the simulator publishes at most (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Simulator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Stream job parallelism (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "Port of the advisor page and API (default: ${DEFAULT-VALUE})")
  int httpPort;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "1s",
      description =
          "Checkpoint interval; MQTT acknowledgements follow checkpoints (default: ${DEFAULT-VALUE})")
  Duration checkpointInterval;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Thread hook = new Thread(this::onCtrlC, "fleetcare-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (DemoParts parts = new DemoParts()) {
      String brokerUrl = broker.orElse(null);
      if (brokerUrl == null) {
        parts.broker = EmbeddedBroker.start(brokerPort);
        brokerUrl = parts.broker.url();
        out.println("broker:   embedded HiveMQ CE on " + brokerUrl);
      } else {
        out.println("broker:   " + brokerUrl);
      }
      String jdbcUrl = jdbc.orElse(null);
      if (jdbcUrl == null) {
        parts.database = EmbeddedDatabase.start();
        jdbcUrl = parts.database.jdbcUrl();
        out.println("database: embedded PostgreSQL at " + jdbcUrl);
      } else {
        out.println("database: " + jdbcUrl);
      }
      out.println("schema:   version " + SchemaMigrator.migrate(jdbcUrl));
      out.flush();

      parts.vertx = Vertx.vertx();
      parts.api =
          ApiCommand.startApi(
              parts.vertx,
              WorkOrderServiceOptions.builder(jdbcUrl, EncryptionKey.random())
                  .httpPort(httpPort)
                  .build(),
              Optional.of(brokerUrl));
      out.println("advisor:  http://localhost:" + parts.api.api().port() + "/");
      ApiCommand.printDemoLogin(parts.api.api(), out);
      out.flush();

      TelemetryJobOptions jobOptions =
          TelemetryJobOptions.defaults(brokerUrl, jdbcUrl)
              .withCheckpointing(checkpointInterval, parallelism);
      StreamExecutionEnvironment env = LocalFlink.environment(parallelism);
      TelemetryJob.build(
          env, TelemetryJob.mqttSource(jobOptions), TelemetryJob.jdbcSinks(jobOptions), jobOptions);
      parts.job = env.executeAsync("fleetcare-demo");
      out.println(
          "flink:    local job " + parts.job.getJobID() + " (parallelism " + parallelism + ")");
      out.flush();
      PipelineReadiness.await(brokerUrl, jdbcUrl, Duration.ofMinutes(2));

      SimulatorOptions simOptions =
          SimulatorOptions.builder()
              .seed(seed)
              .vehicles(vehicles)
              .days(days)
              .maxMessagesPerSecond(rate)
              .build();
      out.printf(
          "fleet:    %d vehicles, %s simulated days from %s, at most %.0f msgs/s%n",
          vehicles, days, simOptions.start(), rate);
      out.flush();
      CountingSink sink =
          new CountingSink(
              new MqttPublisher(
                  new MqttPublisherOptions(
                      brokerUrl, "fleetcare-demo-sim-" + UUID.randomUUID(), 1)));
      parts.sink = sink;
      AtomicReference<Throwable> simulatorFailure = new AtomicReference<>();
      Thread simulator =
          Thread.ofPlatform()
              .name("fleetcare-simulator")
              .start(
                  () -> {
                    try {
                      new FleetSimulator(simOptions).run(sink);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (Throwable t) {
                      simulatorFailure.set(t);
                    }
                  });
      parts.simulator = simulator;

      ProgressLine progress = new ProgressLine(out, System.console() != null);
      Instant started = Instant.now();
      Instant deadline = duration.map(started::plus).orElse(Instant.MAX);
      final String jdbcForStats = jdbcUrl;
      PipelineStats stats = PipelineStats.read(jdbcForStats);
      while (true) {
        boolean stop = stopRequested.await(1, TimeUnit.SECONDS);
        stats = PipelineStats.read(jdbcForStats);
        progress.show(Duration.between(started, Instant.now()), sink.messages(), stats);
        boolean caughtUp =
            !simulator.isAlive() && stats.messagesStored() >= sink.telemetryMessages();
        if (stop || Instant.now().isAfter(deadline) || caughtUp || simulatorFailure.get() != null) {
          break;
        }
      }
      progress.end();
      parts.stopSimulator();
      stats = PipelineStats.read(jdbcForStats);
      if (simulatorFailure.get() != null) {
        out.println("simulator failed: " + simulatorFailure.get());
      }
      out.printf(
          "summary:  published %,d messages (%,d telemetry); stored %,d telemetry messages with %,d samples"
              + " for %d vehicles: %.1f km, %.1f l of fuel; %,d dead letters%n",
          sink.messages(),
          sink.telemetryMessages(),
          stats.messagesStored(),
          stats.samplesStored(),
          stats.vehicles(),
          stats.distanceKm(),
          stats.fuelL(),
          stats.deadLetters());
      out.flush();
      return stats.messagesStored() > 0 && simulatorFailure.get() == null ? 0 : 1;
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // Ctrl-C: the hook is running and waits for `stopped`
      }
    }
  }

  /** Ctrl-C: ask the main loop to stop and give it time to shut the parts down cleanly. */
  private void onCtrlC() {
    stopRequested.countDown();
    try {
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Everything the demo started, closed in reverse order. */
  private static final class DemoParts implements AutoCloseable {
    EmbeddedBroker broker;
    EmbeddedDatabase database;
    Vertx vertx;
    ApiCommand.Running api;
    JobClient job;
    CountingSink sink;
    Thread simulator;

    void stopSimulator() throws InterruptedException {
      if (simulator != null) {
        simulator.interrupt();
        simulator.join(TimeUnit.SECONDS.toMillis(30));
      }
    }

    @Override
    public void close() throws Exception {
      stopSimulator();
      if (sink != null) {
        sink.close();
      }
      if (job != null) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
      if (api != null) {
        api.close();
      }
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      if (broker != null) {
        broker.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }
}
