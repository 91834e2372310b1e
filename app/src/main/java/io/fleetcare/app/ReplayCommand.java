package io.fleetcare.app;

import io.fleetcare.app.replay.ReplayProcessing;
import io.fleetcare.app.replay.ReplayReport;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.replay.LogReplayer;
import io.fleetcare.simulator.replay.ReplayMapping;
import io.fleetcare.simulator.replay.ReplayOptions;
import io.fleetcare.simulator.replay.ReplaySummary;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetcare replay}: publishes recorded OBD logs as a gateway would. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Publish recorded OBD CSV logs as a gateway would (see docs/replay-mapping.md).",
      "Several files are replayed one after the other as consecutive trips of one vehicle."
    })
public final class ReplayCommand implements Callable<Integer> {
  @CommandLine.ArgGroup(exclusive = false, multiplicity = "0..1")
  SinkOptions sink;

  @Option(
      names = "--process",
      description =
          "Run the logs through the stream job in this process (no broker) and print trips and 12 V figures")
  boolean process;

  @Option(names = "--json", description = "With --process: print one JSON document")
  boolean json;

  @Option(
      names = "--mapping",
      required = true,
      description = "Mapping file (YAML), or the name of a bundled one: carobd")
  String mapping;

  @Option(
      names = "--vin",
      defaultValue = "MR0FZ29G001234567",
      description = "VIN to publish as (default: ${DEFAULT-VALUE})")
  String vin;

  @Option(
      names = "--start",
      description = "Event time of the first row for logs without absolute time, ISO-8601")
  Instant start;

  @Option(
      names = "--gap",
      defaultValue = "PT8H",
      description = "Parked time between consecutive files, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration gap;

  @Option(
      names = "--samples-per-message",
      defaultValue = "10",
      description = "Rows per telemetry message (default: ${DEFAULT-VALUE})")
  int samplesPerMessage;

  @Option(
      names = "--speed-factor",
      defaultValue = "0",
      description =
          "0 = as fast as possible, 1 = real time, 10 = ten times faster (default: ${DEFAULT-VALUE})")
  double speedFactor;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV logs")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((sink == null) == !process) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give exactly one of --broker, --out or --process");
    }
    if (json && !process) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--json goes with --process");
    }
    PrintWriter out = spec.commandLine().getOut();
    ReplayMapping map = loadMapping(mapping);
    ReplayOptions options =
        ReplayOptions.defaults(map, vin)
            .withSamplesPerMessage(samplesPerMessage)
            .withSpeedFactor(process ? 0 : speedFactor);
    if (start != null) {
      options = options.withStart(start);
    }
    ReplayProcessing.RecordingSink recording = new ReplayProcessing.RecordingSink();
    List<ReplaySummary> summaries = new ArrayList<>();
    try (MessageSink target = process ? recording : sink.open("fleetcare-replay")) {
      for (Path file : files) {
        if (!Files.isReadable(file)) {
          throw new IllegalArgumentException("cannot read " + file);
        }
        ReplaySummary s = new LogReplayer(options).replay(file, target);
        summaries.add(s);
        if (!json) {
          out.printf(
              "%s: %,d rows -> %,d samples in %,d telemetry messages (%s .. %s), %,d rows skipped, %,d bad cells%n",
              file.getFileName(),
              s.rows(),
              s.samples(),
              s.telemetryMessages(),
              s.firstSampleTime(),
              s.lastSampleTime(),
              s.skippedRows(),
              s.invalidCells());
        }
        // The next file continues the same vehicle: later in time, next seq, no second profile.
        Instant next = s.lastSampleTime() == null ? options.start() : s.lastSampleTime().plus(gap);
        options =
            options
                .withStart(next)
                .withFirstSeqs(s.lastTelemetrySeq() + 1, s.lastEventSeq() + 1)
                .withPublishProfile(false);
      }
    }
    if (process) {
      // The job reads the recorded messages directly; broker and database URLs are not used.
      TelemetryJobOptions jobOptions =
          TelemetryJobOptions.defaults(
              "tcp://127.0.0.1:1883", "jdbc:postgresql://127.0.0.1/unused");
      ReplayProcessing.Results results = ReplayProcessing.process(recording.records(), jobOptions);
      new ReplayReport(files, summaries, results).print(out, json);
    } else {
      out.println("sent to " + sink.describe());
    }
    out.flush();
    return 0;
  }

  static ReplayMapping loadMapping(String nameOrPath) throws Exception {
    Path path = Path.of(nameOrPath);
    if (Files.isRegularFile(path)) {
      return ReplayMapping.read(path);
    }
    if (nameOrPath.matches("[a-z0-9-]+")) {
      return ReplayMapping.resource("mappings/" + nameOrPath + ".yaml");
    }
    throw new IllegalArgumentException("no mapping file " + nameOrPath);
  }
}
