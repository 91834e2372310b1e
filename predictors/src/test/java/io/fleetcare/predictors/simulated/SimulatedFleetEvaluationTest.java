package io.fleetcare.predictors.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.predictors.baseline.Baselines;
import io.fleetcare.predictors.evaluation.Backtest;
import io.fleetcare.predictors.evaluation.EvaluationOptions;
import io.fleetcare.predictors.evaluation.OrderPolicy;
import io.fleetcare.predictors.evaluation.Scorecard;
import io.fleetcare.predictors.evaluation.ScorecardEvaluator;
import io.fleetcare.predictors.evaluation.ScorecardFormat;
import io.fleetcare.predictors.model.FeatureExtractor;
import io.fleetcare.predictors.model.ModelFiles;
import io.fleetcare.predictors.model.ModelTrainer;
import io.fleetcare.predictors.model.TrainingOptions;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train on one simulated fleet, score model and baselines on another seed. By default a small smoke
 * run (a few vehicles, two months); {@code -Dfleetcare.experiment.vehicles=N
 * -Dfleetcare.experiment.days=D} runs a real experiment and prints the scorecards (and writes them
 * to {@code target/experiment-scorecard.json} / {@code .txt}).
 */
class SimulatedFleetEvaluationTest {
  private static final long TRAIN_SEED = 101;
  private static final long TEST_SEED = 202;

  @Test
  void trainsOnOneSeedAndScoresAnother(@TempDir Path dir) throws Exception {
    int vehicles = Integer.getInteger("fleetcare.experiment.vehicles", 12);
    double days = Double.parseDouble(System.getProperty("fleetcare.experiment.days", "45"));
    int threads = Integer.getInteger("fleetcare.experiment.threads", 1);

    SimulatedFleet.Run train = SimulatedFleet.run(TRAIN_SEED, vehicles, days, threads, dir);
    SimulatedFleet.Run test = SimulatedFleet.run(TEST_SEED, vehicles, days, threads, dir);
    assertThat(train.rejected()).isZero();
    assertThat(train.vehicles()).hasSize(vehicles);
    assertThat(train.vehicles().stream().flatMap(v -> v.series().stream()).map(s -> s.indicator()))
        .contains(Indicator.CRANKING_MIN_V, Indicator.ODOMETER_KM, Indicator.TYRE_PRESSURE_RATIO);

    FeatureExtractor features =
        new FeatureExtractor(new TrendForecaster(ServiceThresholds.DEFAULTS));
    ModelTrainer.Trained trained =
        new ModelTrainer(features, TrainingOptions.DEFAULTS)
            .train(
                train.vehicles(),
                train.truth(),
                Map.of(
                    "source", "simulator", "seed", TRAIN_SEED, "vehicles", vehicles, "days", days));
    Path modelDir = ModelFiles.write(dir.resolve("models"), trained);
    var model = ModelFiles.load(modelDir).model();

    EvaluationOptions options =
        EvaluationOptions.DEFAULTS.withPeriod(
            test.truth().start().plus(Duration.ofDays(14)), test.truth().end());
    ScorecardEvaluator evaluator = new ScorecardEvaluator(options);
    Scorecard card =
        evaluator.score(
            "model " + model.version(),
            test.truth(),
            Backtest.orders(model, test.vehicles(), new OrderPolicy()));
    Map<String, Scorecard> baselines = new LinkedHashMap<>();
    Baselines.all(ServiceThresholds.DEFAULTS)
        .forEach(
            (name, b) ->
                baselines.put(
                    name,
                    evaluator.score(
                        name,
                        test.truth(),
                        Backtest.orders(b, test.vehicles(), new OrderPolicy()))));
    List<Scorecard> all = new ArrayList<>();
    all.add(card);
    all.addAll(baselines.values());
    String table = ScorecardFormat.table(all);
    String json = ScorecardFormat.json(card, baselines);
    System.out.println(ModelFiles.metadataJson(trained.metadata()));
    System.out.println(table);
    if (Integer.getInteger("fleetcare.experiment.vehicles") != null) {
      Path target = Path.of("target");
      Files.createDirectories(target);
      Files.writeString(target.resolve("experiment-scorecard.json"), json);
      Files.writeString(target.resolve("experiment-scorecard.txt"), table);
      Files.writeString(
          target.resolve("experiment-model.json"), ModelFiles.metadataJson(trained.metadata()));
    }
    assertThat(card.overall().crossings()).isPositive();
  }
}
