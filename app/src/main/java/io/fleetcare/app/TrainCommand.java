package io.fleetcare.app;

import io.fleetcare.app.evaluate.SimulatedFleetRun;
import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.model.FeatureExtractor;
import io.fleetcare.predictors.model.ModelFiles;
import io.fleetcare.predictors.model.ModelTrainer;
import io.fleetcare.predictors.model.TrainingOptions;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.ServiceThresholds;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcare train}: simulator runs with ground truth → a new model version directory. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the forecast models (trend prior + Smile correction) on simulated fleets with ground"
          + " truth, and write a new model version under --model-dir.",
      "Either simulate here (--seed, one or more) or read runs written by"
          + " 'simulate --out FILE --ground-truth FILE' (--messages/--ground-truth)."
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      split = ",",
      description =
          "Simulator seed(s) to train on (default: 101); use seeds you will not evaluate on")
  List<Long> seeds;

  @Option(
      names = "--vehicles",
      defaultValue = "200",
      description = "Vehicles per simulated run (default: ${DEFAULT-VALUE})")
  int vehicles;

  @Option(
      names = "--days",
      defaultValue = "365",
      description = "Simulated days per run (default: ${DEFAULT-VALUE})")
  double days;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Simulator threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--messages",
      description = "A simulator message file (JSON lines) to train on, with --ground-truth")
  Path messages;

  @Option(names = "--ground-truth", description = "The ground truth of --messages (JSON lines)")
  Path groundTruth;

  @Option(
      names = "--model-dir",
      defaultValue = "models",
      description =
          "Model root; the new version goes in a subdirectory (default: ${DEFAULT-VALUE})")
  Path modelDir;

  @Option(
      names = "--trees",
      defaultValue = "200",
      description = "Boosted trees per indicator (default: ${DEFAULT-VALUE})")
  int trees;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((messages == null) != (groundTruth == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--messages and --ground-truth go together");
    }
    if (messages != null && seeds != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either --seed or --messages/--ground-truth");
    }
    List<VehicleData> vehicleData = new ArrayList<>();
    List<GroundTruth> truths = new ArrayList<>();
    Map<String, Object> sources = new LinkedHashMap<>();
    if (messages != null) {
      err.println("reading " + messages + " and " + groundTruth);
      SimulatedFleetRun run = SimulatedFleetRun.read(messages, groundTruth);
      vehicleData.addAll(run.vehicles());
      truths.add(run.truth());
      sources.put("source", "files");
      sources.put("messages", messages.toString());
      sources.put("groundTruth", groundTruth.toString());
    } else {
      List<Long> list = seeds == null ? List.of(101L) : seeds;
      Path tmp = Files.createTempDirectory("fleetcare-train-");
      try {
        for (long seed : list) {
          SimulatedFleetRun run =
              SimulatedFleetRun.simulate(seed, vehicles, days, threads, tmp, false, err);
          vehicleData.addAll(run.vehicles());
          truths.add(run.truth());
        }
      } finally {
        deleteTree(tmp);
      }
      sources.put("source", "simulator");
      sources.put("seeds", list);
      sources.put("vehiclesPerRun", vehicles);
      sources.put("days", days);
    }
    GroundTruth truth = merge(truths);
    err.printf(
        "training on %,d vehicles, %,d crossings ...%n",
        vehicleData.size(), truth.crossings().size());
    err.flush();
    TrainingOptions d = TrainingOptions.DEFAULTS;
    TrainingOptions options =
        new TrainingOptions(
            d.holdoutShare(),
            trees,
            d.maxDepth(),
            d.shrinkage(),
            d.maxRowsPerIndicator(),
            d.minRows(),
            d.seed());
    long started = System.nanoTime();
    ModelTrainer.Trained trained =
        new ModelTrainer(
                new FeatureExtractor(new TrendForecaster(ServiceThresholds.DEFAULTS)), options)
            .train(vehicleData, truth, sources);
    Path dir = ModelFiles.write(modelDir, trained);
    err.printf("trained in %.0f s%n", (System.nanoTime() - started) / 1e9);
    out.println("model " + trained.metadata().version() + " written to " + dir);
    out.print(ModelFiles.metadataJson(trained.metadata()));
    out.flush();
    return 0;
  }

  /** One ground truth of several runs (their VINs differ by seed). */
  static GroundTruth merge(List<GroundTruth> truths) {
    if (truths.size() == 1) {
      return truths.get(0);
    }
    List<io.fleetcare.predictors.evaluation.GroundTruthCrossing> crossings = new ArrayList<>();
    List<io.fleetcare.predictors.evaluation.ServiceEvent> services = new ArrayList<>();
    java.time.Instant start = null;
    java.time.Instant end = null;
    for (GroundTruth t : truths) {
      crossings.addAll(t.crossings());
      services.addAll(t.services());
      start = start == null || (t.start() != null && t.start().isBefore(start)) ? t.start() : start;
      end = end == null || (t.end() != null && t.end().isAfter(end)) ? t.end() : end;
    }
    return new GroundTruth(crossings, services, start, end);
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
