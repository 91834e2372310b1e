package io.fleetcare.streamjobs.predict;

import static io.fleetcare.streamjobs.battery.SignalFixtures.DAY_S;
import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.predictors.evaluation.GroundTruthReader;
import io.fleetcare.predictors.model.FeatureExtractor;
import io.fleetcare.predictors.model.ModelFiles;
import io.fleetcare.predictors.model.ModelTrainer;
import io.fleetcare.predictors.model.TrainingOptions;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.TelemetrySeriesCollector;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator serves the trend prior while its model directory is empty, and the newest model
 * version once one is written there, without a restart (checked every 5 minutes of processing
 * time).
 */
class PredictorModelReloadTest {
  @Test
  void picksUpANewModelVersionWhileRunning(@TempDir Path dir) throws Exception {
    Path models = dir.resolve("models");
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, ComponentForecast> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new PredictorFunction(PredictorOptions.defaults(models.toString())),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      harness.processElement(events(1, new VehicleEvent.EngineStart(at(0), 12.0)), 0);
      harness.processElement(events(2, new VehicleEvent.EngineStart(at(DAY_S), 11.9)), 0);
      assertThat(harness.extractOutputValues())
          .extracting(ComponentForecast::modelVersion)
          .containsExactly(ForecastModels.TREND_PRIOR_VERSION);

      String version = trainSmallModel(dir, models);
      // Within the reload interval the served model stays; after it the new version is used.
      harness.setProcessingTime(Duration.ofMinutes(4).toMillis());
      harness.processElement(events(3, new VehicleEvent.EngineStart(at(2 * DAY_S), 11.8)), 0);
      harness.setProcessingTime(Duration.ofMinutes(6).toMillis());
      harness.processElement(events(4, new VehicleEvent.EngineStart(at(3 * DAY_S), 11.7)), 0);

      assertThat(harness.extractOutputValues())
          .extracting(ComponentForecast::modelVersion)
          .containsExactly(
              ForecastModels.TREND_PRIOR_VERSION, ForecastModels.TREND_PRIOR_VERSION, version);
    }
  }

  private static String trainSmallModel(Path dir, Path models) throws Exception {
    Path truth = dir.resolve("truth.jsonl");
    TelemetrySeriesCollector collector = new TelemetrySeriesCollector();
    new FleetSimulator(
            SimulatorOptions.builder()
                .seed(60607)
                .vehicles(4)
                .days(40)
                .sampleIntervalS(300)
                .samplesPerMessage(12)
                .threads(1)
                .groundTruthFile(truth)
                .build())
        .run((topic, payload, retained) -> collector.accept(topic, payload));
    List<VehicleData> vehicles = new ArrayList<>();
    for (String vin : collector.vins()) {
      vehicles.add(new VehicleData(collector.context(vin), collector.series(vin)));
    }
    ModelTrainer.Trained trained =
        new ModelTrainer(
                new FeatureExtractor(new TrendForecaster(ServiceThresholds.DEFAULTS)),
                new TrainingOptions(0.25, 10, 3, 0.1, 10_000, 50, 7))
            .train(vehicles, GroundTruthReader.read(truth), Map.of("source", "test"));
    ModelFiles.write(models, trained);
    return trained.metadata().version();
  }
}
