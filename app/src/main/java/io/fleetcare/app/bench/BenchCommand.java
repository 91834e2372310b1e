package io.fleetcare.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleetcare bench}: broker alone, raw COPY, the full pipeline stepped to its sustained rate,
 * latency at 70 % of it, CPU, heap and keyed state per vehicle — in one run on this machine.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the broker, the database and the whole pipeline on this machine (issue #8).",
      "Starts its own Mosquitto on a free port and its own database on the local PostgreSQL;"
          + " progress goes to standard error. See docs/benchmarks/README.md."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--quick",
      description = "Short steps (15 s windows): finishes in under 5 minutes")
  boolean quick;

  @Option(names = "--json", description = "Print one JSON object with the results on stdout")
  boolean json;

  @Option(names = "--report", description = "Write a Markdown report, its plot and the JSON here")
  Optional<Path> report;

  @Option(
      names = "--note",
      defaultValue = "",
      description = "A line put at the top of the report, e.g. that the machine was shared")
  String note;

  @Option(names = "--vehicles", description = "Fleet size (default: 2000 quick, 10000 full)")
  Optional<Integer> vehicles;

  @Option(
      names = "--pipeline-start",
      description = "First offered rate of the pipeline ladder, msgs/s (default: 1000)")
  Optional<Double> pipelineStart;

  @Option(
      names = "--checkpoint-interval",
      description = "The job's checkpoint interval (default: the job's, 5s)")
  Optional<Duration> checkpointInterval;

  @Option(
      names = "--postgres",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
      description = "PostgreSQL server for the scratch database (default: ${DEFAULT-VALUE})")
  String postgres;

  @Option(
      names = "--postgres-user",
      defaultValue = "postgres",
      description = "Role that may create databases (default: ${DEFAULT-VALUE})")
  String postgresUser;

  @Option(
      names = "--mosquitto",
      defaultValue = "/usr/sbin/mosquitto",
      description = "Mosquitto executable (default: ${DEFAULT-VALUE})")
  String mosquitto;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BenchSettings settings = quick ? BenchSettings.quick() : BenchSettings.full();
    settings = vehicles.map(settings::withVehicles).orElse(settings);
    settings = pipelineStart.map(settings::withPipelineStart).orElse(settings);
    settings = checkpointInterval.map(settings::withCheckpointInterval).orElse(settings);
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr());
    Instant started = Instant.now();
    Path work = Files.createTempDirectory("fleetcare-bench-");
    try (MosquittoProcess broker = MosquittoProcess.start(mosquitto, work)) {
      progress.say("mosquitto %s (pid %d, shipped configuration)", broker.url(), broker.pid());
      ResourceMeter meter = new ResourceMeter(broker.pid());
      BrokerStage.Result brokerResult = BrokerStage.run(broker.url(), settings, meter, progress);
      progress.say("broker alone: %,.0f msgs/s sustained", brokerResult.sustainedPerS());
      try (ScratchDatabase db = ScratchDatabase.create(postgres, postgresUser)) {
        progress.say("database %s", db.name());
        CopyStage.Result copy;
        try (var c = db.connect()) {
          io.fleetcare.streamjobs.db.SchemaMigrator.migrate(db.jdbcUrl());
          copy =
              CopyStage.run(
                  c,
                  new BenchFleet(
                      BenchFleet.runTag(started.getNano()),
                      1_000,
                      started.toEpochMilli() - 30L * 86_400_000),
                  settings.copyRows());
        }
        progress.say(
            "raw COPY: %,d rows in %.1f s = %,.0f rows/s (%.1f MB/s)",
            copy.rows(), copy.seconds(), copy.rowsPerS(), copy.megabytesPerS());
        PipelineStage.Result pipeline =
            new PipelineStage(settings, broker.url(), db, meter, progress)
                .run(brokerResult.sustainedPerS());
        BenchSummary summary =
            new BenchSummary(
                started,
                quick ? "quick" : "full",
                settings,
                MachineInfo.current(),
                brokerResult,
                copy,
                pipeline);
        if (report.isPresent()) {
          Path md = BenchReport.write(summary, report.get(), note);
          progress.say("report: %s", md);
        }
        if (json) {
          out.println(BenchJson.render(summary));
        } else {
          out.println(BenchReport.markdown(summary, note));
        }
        out.flush();
      }
    }
    return 0;
  }
}
