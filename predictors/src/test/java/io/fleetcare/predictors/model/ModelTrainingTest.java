package io.fleetcare.predictors.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.predictors.baseline.Baselines;
import io.fleetcare.predictors.evaluation.Backtest;
import io.fleetcare.predictors.evaluation.EvaluationOptions;
import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.GroundTruthCrossing;
import io.fleetcare.predictors.evaluation.OrderPolicy;
import io.fleetcare.predictors.evaluation.Scorecard;
import io.fleetcare.predictors.evaluation.ScorecardEvaluator;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training, model files and scoring on a small synthetic fleet of noisy pad-wear series. */
class ModelTrainingTest {
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");

  record Fleet(List<VehicleData> vehicles, GroundTruth truth) {}

  /** Pads wearing at a per-car rate that speeds up in the second half (the trend lags). */
  static Fleet fleet(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<VehicleData> vehicles = new ArrayList<>();
    List<GroundTruthCrossing> crossings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String vin = String.format("1FCAA11T5B%07d", i);
      double wear = rnd.nextDouble(20, 80);
      double rate = rnd.nextDouble(0.2, 0.8);
      List<ConditionPoint> pts = new ArrayList<>();
      List<ConditionPoint> odo = new ArrayList<>();
      Instant crossed = null;
      for (int d = 0; d < 200; d++) {
        Instant t = T0.plus(Duration.ofDays(d));
        double dayRate = rate * (wear > 70 ? 1.4 : 1.0);
        wear += dayRate;
        if (wear >= 100 && crossed == null) {
          crossed = t.minus(Duration.ofHours(6));
          crossings.add(new GroundTruthCrossing(vin, "BRAKE_PADS", crossed));
        }
        pts.add(new ConditionPoint(t, Math.min(100, wear + rnd.nextDouble(-0.3, 0.3))));
        odo.add(new ConditionPoint(t, 30_000 + d * 40.0));
        if (crossed != null) {
          break;
        }
      }
      VehicleContext ctx = new VehicleContext(vin, "ICE", 2020, 1400, odo, List.of(), Map.of());
      vehicles.add(
          new VehicleData(ctx, List.of(new ConditionSeries(vin, Indicator.PAD_WEAR_PERCENT, pts))));
    }
    return new Fleet(
        vehicles, new GroundTruth(crossings, List.of(), T0, T0.plus(Duration.ofDays(200))));
  }

  @Test
  void trainsWritesLoadsAndBeatsTheBaselines(@TempDir Path dir) throws Exception {
    FeatureExtractor features =
        new FeatureExtractor(new TrendForecaster(ServiceThresholds.DEFAULTS));
    Fleet train = fleet(1, 120);
    ModelTrainer.Trained trained =
        new ModelTrainer(features, new TrainingOptions(0.25, 60, 3, 0.1, 20_000, 100, 7))
            .train(train.vehicles(), train.truth(), Map.of("source", "synthetic seed 1"));
    assertThat(trained.metadata().fingerprint()).hasSize(64);
    assertThat(trained.metadata().smileVersion()).isEqualTo("4.4.2");
    // The correction is kept only when it wins the held-out vehicles' scorecard (recall +
    // precision through OrderPolicy; a tie goes by the log error); the metrics show both lines.
    @SuppressWarnings("unchecked")
    Map<String, Object> pads =
        (Map<String, Object>) trained.metadata().metrics().get("PAD_WEAR_PERCENT");
    assertThat(pads).containsEntry("chosenBy", "heldOutScorecard");
    @SuppressWarnings("unchecked")
    Map<String, Object> trendLine = (Map<String, Object>) pads.get("heldOutTrend");
    assertThat((Integer) trendLine.get("crossings")).isPositive();
    if (pads.get("heldOutTrendGbm") instanceof Map<?, ?> gbmLine
        && "trend+gbm".equals(trained.metadata().indicators().get("PAD_WEAR_PERCENT"))) {
      double gbmMerit = (Double) gbmLine.get("recall") + (Double) gbmLine.get("precision");
      double trendMerit = (Double) trendLine.get("recall") + (Double) trendLine.get("precision");
      assertThat(gbmMerit).isGreaterThanOrEqualTo(trendMerit);
      if (gbmMerit == trendMerit) {
        // A tie is decided by the held-out log error.
        assertThat((Double) pads.get("gbmMaeLogDays"))
            .isLessThan((Double) pads.get("trendMaeLogDays"));
      }
    }

    Path versionDir = ModelFiles.write(dir, trained);
    assertThat(ModelFiles.latest(dir)).isEqualTo(versionDir);
    ModelFiles.Loaded loaded = ModelFiles.load(versionDir);
    assertThat(loaded.metadata().version()).isEqualTo(trained.metadata().version());

    Fleet test = fleet(2, 80);
    VehicleData v = test.vehicles().get(0);
    ConditionSeries s = v.series().get(0);
    Instant at = s.points().get(s.points().size() - 5).ts();
    assertThat(loaded.model().forecast(s, v.context(), at))
        .isEqualTo(trained.model().forecast(s, v.context(), at));

    ScorecardEvaluator evaluator =
        new ScorecardEvaluator(
            EvaluationOptions.DEFAULTS.withPeriod(T0.plus(Duration.ofDays(14)), null));
    Scorecard model =
        evaluator.score(
            "model",
            test.truth(),
            Backtest.orders(loaded.model(), test.vehicles(), new OrderPolicy()));
    Map<String, Scorecard> baselines = new java.util.LinkedHashMap<>();
    Baselines.all(ServiceThresholds.DEFAULTS)
        .forEach(
            (name, b) ->
                baselines.put(
                    name,
                    evaluator.score(
                        name,
                        test.truth(),
                        Backtest.orders(b, test.vehicles(), new OrderPolicy()))));
    double modelRecall = model.components().get("BRAKE_PADS").recall();
    for (Scorecard b : baselines.values()) {
      assertThat(modelRecall)
          .as("model vs %s", b.name())
          .isGreaterThanOrEqualTo(b.components().get("BRAKE_PADS").recall());
    }
    assertThat(modelRecall).isGreaterThan(0.8);
  }
}
