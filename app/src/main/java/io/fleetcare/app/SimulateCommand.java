package io.fleetcare.app;

import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.gateway.FaultCounts;
import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcare simulate}: a simulated fleet published over MQTT or written to a file. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a fleet with degradation physics and publish it (or write it to a file).")
public final class SimulateCommand implements Callable<Integer> {
  @CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
  SinkOptions sink;

  @Option(
      names = "--vehicles",
      defaultValue = "5",
      description = "Vehicles (default: ${DEFAULT-VALUE})")
  int vehicles;

  @Option(
      names = "--days",
      defaultValue = "1",
      description = "Simulated days (default: ${DEFAULT-VALUE})")
  double days;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Fleet seed; same seed, same output (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--start",
      description = "Event time of the start, ISO-8601 (default: 2026-01-05T00:00:00Z)")
  Optional<Instant> start;

  @Option(
      names = "--samples-per-message",
      defaultValue = "10",
      description = "Samples batched per telemetry message (default: ${DEFAULT-VALUE})")
  int samplesPerMessage;

  @Option(
      names = "--sample-interval",
      defaultValue = "1",
      description = "Seconds of event time between published samples (default: ${DEFAULT-VALUE})")
  int sampleIntervalS;

  @Option(
      names = "--hybrid-share",
      defaultValue = "0.2",
      description = "Share of hybrids (default: ${DEFAULT-VALUE})")
  double hybridShare;

  @Option(
      names = "--ev-share",
      defaultValue = "0.2",
      description = "Share of battery-electric cars (default: ${DEFAULT-VALUE})")
  double electricShare;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Most messages per second, 0 = as fast as the sink takes them (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--ground-truth",
      description =
          "Write the ground truth (JSON lines) here, with the run's configuration beside it")
  Optional<Path> groundTruth;

  @Option(
      names = "--duplicate-rate",
      defaultValue = "0",
      description = "Share of messages sent twice")
  double duplicateRate;

  @Option(
      names = "--out-of-order-rate",
      defaultValue = "0",
      description = "Share of messages swapped with the next one")
  double outOfOrderRate;

  @Option(
      names = "--late-rate",
      defaultValue = "0",
      description = "Share of messages held back and sent late")
  double lateRate;

  @Option(
      names = "--late-delay",
      defaultValue = "300",
      description = "Seconds of event time a late message is held back (default: ${DEFAULT-VALUE})")
  int lateDelayS;

  @Option(names = "--drop-rate", defaultValue = "0", description = "Share of messages never sent")
  double dropRate;

  @Option(
      names = "--skew-rate",
      defaultValue = "0",
      description = "Share of messages with a skewed clock")
  double skewRate;

  @Option(
      names = "--skew",
      defaultValue = "120",
      description = "Clock skew in seconds (default: ${DEFAULT-VALUE})")
  int skewS;

  @Option(
      names = "--malformed-rate",
      defaultValue = "0",
      description = "Share of extra malformed payloads")
  double malformedRate;

  @Option(
      names = "--vin-mismatch-rate",
      defaultValue = "0",
      description = "Share of extra payloads whose VIN differs from the topic's")
  double vinMismatchRate;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GatewayFaultOptions faults =
        GatewayFaultOptions.NONE
            .withDuplicateRate(duplicateRate)
            .withOutOfOrderRate(outOfOrderRate)
            .withLateRate(lateRate, lateDelayS)
            .withDropRate(dropRate)
            .withClockSkew(skewRate, skewS)
            .withMalformedRate(malformedRate)
            .withVinMismatchRate(vinMismatchRate);
    SimulatorOptions.Builder builder =
        SimulatorOptions.builder()
            .seed(seed)
            .vehicles(vehicles)
            .days(days)
            .samplesPerMessage(samplesPerMessage)
            .sampleIntervalS(sampleIntervalS)
            .hybridShare(hybridShare)
            .electricShare(electricShare)
            .maxMessagesPerSecond(rate)
            .faults(faults);
    start.ifPresent(builder::start);
    groundTruth.ifPresent(builder::groundTruthFile);
    SimulatorOptions options = builder.build();

    SimulationSummary summary;
    try (MessageSink target = sink.open("fleetcare-simulate")) {
      summary =
          new FleetSimulator(
                  options,
                  progress -> {
                    err.print("\r" + progress.describe() + "   ");
                    if (progress.done()) {
                      err.println();
                    }
                    err.flush();
                  })
              .run(target);
    }
    FaultCounts f = summary.faults();
    out.printf(
        "simulated %d vehicles x %s days: %,d telemetry + %,d event + %,d profile messages, %,d samples,"
            + " %.1f km; sent to %s%n",
        vehicles,
        days,
        summary.telemetryMessages(),
        summary.eventMessages(),
        summary.profileMessages(),
        summary.samples(),
        summary.totalDistanceKm(),
        sink.describe());
    if (!faults.isNone()) {
      out.printf(
          "gateway faults: produced %,d, duplicated %,d, reordered %,d, late %,d, dropped %,d, skewed %,d,"
              + " malformed %,d, VIN mismatched %,d; sent %,d%n",
          f.produced(),
          f.duplicated(),
          f.reordered(),
          f.late(),
          f.dropped(),
          f.skewed(),
          f.malformed(),
          f.vinMismatched(),
          f.sent());
    }
    groundTruth.ifPresent(
        p -> out.printf("ground truth: %,d records in %s%n", summary.groundTruthRecords(), p));
    out.flush();
    return 0;
  }
}
