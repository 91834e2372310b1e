package io.fleetcare.predictors.simulated;

import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.GroundTruthReader;
import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.TelemetrySeriesCollector;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the simulator in memory into a {@link TelemetrySeriesCollector}. */
final class SimulatedFleet {
  record Run(List<VehicleData> vehicles, GroundTruth truth, long rejected) {}

  private SimulatedFleet() {}

  static Run run(long seed, int vehicles, double days, int threads, Path dir) throws Exception {
    Path truthFile = dir.resolve("truth-" + seed + ".jsonl");
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(seed)
            .vehicles(vehicles)
            .days(days)
            .sampleIntervalS(300)
            .samplesPerMessage(12)
            .slowSignalPeriodS(900)
            .threads(threads)
            .groundTruthFile(truthFile)
            .build();
    TelemetrySeriesCollector collector = new TelemetrySeriesCollector();
    new FleetSimulator(options).run((topic, payload, retained) -> collector.accept(topic, payload));
    List<VehicleData> out = new ArrayList<>();
    for (String vin : collector.vins()) {
      out.add(new VehicleData(collector.context(vin), collector.series(vin)));
    }
    return new Run(out, GroundTruthReader.read(truthFile), collector.rejected());
  }
}
