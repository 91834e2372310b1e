package io.fleetcare.predictors.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.predictors.model.FeatureExtractor;
import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.TelemetrySeriesCollector;
import io.fleetcare.simulator.replay.LogReplayer;
import io.fleetcare.simulator.replay.ReplayMapping;
import io.fleetcare.simulator.replay.ReplayOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real-data check: the carOBD logs (one Toyota Etios) through the same 12 V battery code. */
class CarObdBatteryTest {
  private static final Path CAROBD = Path.of("../../shared/datasets/carobd");
  private static final String VIN = "MBJB29BT400000001";

  @Test
  void batteryFeaturesAndForecastOfARealCarSayHealthy() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CAROBD), "carOBD dataset not present");
    ReplayMapping mapping = ReplayMapping.carObd();
    TelemetrySeriesCollector collector = new TelemetrySeriesCollector();
    // One log per day, as if the car had been driven once a day for a couple of weeks.
    List<String> logs =
        List.of(
            "idle1.csv",
            "live1.csv",
            "long1.csv",
            "idle2.csv",
            "live2.csv",
            "long2.csv",
            "idle3.csv",
            "live3.csv",
            "long3.csv",
            "live4.csv",
            "live5.csv",
            "live6.csv");
    for (int i = 0; i < logs.size(); i++) {
      ReplayOptions options =
          ReplayOptions.defaults(mapping, VIN)
              .withStart(ReplayOptions.DEFAULT_START.plus(Duration.ofDays(i)));
      new LogReplayer(options)
          .replay(
              CAROBD.resolve(logs.get(i)),
              (topic, payload, retained) -> collector.accept(topic, payload));
    }
    assertThat(collector.rejected()).isZero();
    ConditionSeries crank =
        collector.series(VIN).stream()
            .filter(s -> s.indicator() == Indicator.CRANKING_MIN_V)
            .findFirst()
            .orElseThrow();
    assertThat(crank.points()).hasSizeGreaterThanOrEqualTo(8);
    for (ConditionPoint p : crank.points()) {
      assertThat(p.value()).isBetween(6.0, 13.0);
    }
    // One start of idle3.csv really dips to 9.14 V at 1 Hz; the battery is judged on its trend.
    double[] sorted = crank.points().stream().mapToDouble(ConditionPoint::value).sorted().toArray();
    assertThat(sorted[sorted.length / 2]).isGreaterThan(10.0);
    FeatureExtractor features =
        new FeatureExtractor(new TrendForecaster(ServiceThresholds.DEFAULTS));
    var ctx = collector.context(VIN);
    double[] x = features.features(crank, ctx, crank.last().ts());
    assertThat(x).hasSize(FeatureExtractor.NAMES.size());
    assertThat(java.util.Arrays.stream(x).allMatch(Double::isFinite)).isTrue();
    Forecast f = features.trend().forecast(crank, ctx, crank.last().ts());
    System.out.printf(
        "carOBD 12 V: %d cranking minima %s; forecast %s days, P(15 d)=%.3f, evidence %s%n",
        crank.points().size(),
        crank.points().stream().map(p -> String.valueOf(p.value())).toList(),
        f.medianDays(),
        f.probabilityWithin15Days(),
        f.evidence());
    // Healthy: no crossing foreseen, level well above 9.6 V. The probability is not ~0 because the
    // real day-to-day scatter of the 1 Hz minima is large (one of 11 starts read 9.14 V).
    assertThat(f.foreseen()).isFalse();
    assertThat((Double) f.evidence().get("level")).isGreaterThan(10.5);
    assertThat(f.probabilityWithin15Days()).isLessThan(0.2);
  }
}
