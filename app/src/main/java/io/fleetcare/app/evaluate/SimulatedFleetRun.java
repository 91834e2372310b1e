package io.fleetcare.app.evaluate;

import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.GroundTruthReader;
import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.TelemetrySeriesCollector;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.JsonLinesSink;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.ProgressListener;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated fleet for training or evaluation: its daily condition series (the predictors' own
 * {@link TelemetrySeriesCollector}), its ground truth, and optionally its messages as a file the
 * real job can be run on.
 *
 * @param vehicles every vehicle's context and series
 * @param truth the simulator's ground truth
 * @param messagesFile the messages (JSON lines), or null when not kept
 * @param summary what the simulator generated
 */
public record SimulatedFleetRun(
    List<VehicleData> vehicles, GroundTruth truth, Path messagesFile, SimulationSummary summary) {

  /** The simulator settings the commands use (5-minute samples, 12 per message). */
  public static SimulatorOptions options(
      long seed, int vehicles, double days, int threads, Path truthFile) {
    return SimulatorOptions.builder()
        .seed(seed)
        .vehicles(vehicles)
        .days(days)
        .sampleIntervalS(300)
        .samplesPerMessage(12)
        .slowSignalPeriodS(900)
        .threads(threads)
        .groundTruthFile(truthFile)
        .build();
  }

  /**
   * Simulates into {@code dir} ({@code truth-<seed>.jsonl}, and {@code messages-<seed>.jsonl} when
   * {@code keepMessages}), printing progress to {@code err}.
   */
  public static SimulatedFleetRun simulate(
      long seed,
      int vehicles,
      double days,
      int threads,
      Path dir,
      boolean keepMessages,
      PrintWriter err)
      throws Exception {
    Path truthFile = dir.resolve("truth-" + seed + ".jsonl");
    Path messages = keepMessages ? dir.resolve("messages-" + seed + ".jsonl") : null;
    TelemetrySeriesCollector collector = new TelemetrySeriesCollector();
    SimulationSummary summary;
    ProgressListener progress =
        p -> {
          err.print("\rsimulating seed " + seed + ": " + p.describe() + "   ");
          if (p.done()) {
            err.println();
          }
          err.flush();
        };
    try (MessageSink file = messages == null ? null : new JsonLinesSink(messages)) {
      MessageSink tee =
          (topic, payload, retained) -> {
            collector.accept(topic, payload);
            if (file != null) {
              file.send(topic, payload, retained);
            }
          };
      summary =
          new FleetSimulator(options(seed, vehicles, days, threads, truthFile), progress).run(tee);
    }
    return new SimulatedFleetRun(
        vehicles(collector), GroundTruthReader.read(truthFile), messages, summary);
  }

  /**
   * Reads a simulator message file and its ground truth ({@code simulate --out … --ground-truth}).
   */
  public static SimulatedFleetRun read(Path messages, Path truthFile) throws Exception {
    TelemetrySeriesCollector collector = new TelemetrySeriesCollector();
    MessageFile.forEach(messages, (topic, payload, retained) -> collector.accept(topic, payload));
    return new SimulatedFleetRun(
        vehicles(collector), GroundTruthReader.read(truthFile), messages, null);
  }

  private static List<VehicleData> vehicles(TelemetrySeriesCollector collector) {
    List<VehicleData> out = new ArrayList<>();
    for (String vin : collector.vins()) {
      out.add(new VehicleData(collector.context(vin), collector.series(vin)));
    }
    return out;
  }
}
