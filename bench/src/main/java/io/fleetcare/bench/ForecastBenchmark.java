package io.fleetcare.bench;

import io.fleetcare.predictors.model.FeatureExtractor;
import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Feature extraction and model inference of predictors: a brake-pad wear series of {@code days}
 * daily points (linear wear plus measurement noise), forecast at its last day. The throughput is
 * forecasts per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForecastBenchmark {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final String VIN = "WBNBENCHA00000001";

  @Param({"30", "180"})
  public int days;

  private final TrendForecaster trend = new TrendForecaster(ServiceThresholds.DEFAULTS);
  private final FeatureExtractor features = new FeatureExtractor(trend);
  private final VehicleContext context = VehicleContext.unknown(VIN);
  private ConditionSeries series;
  private Instant now;

  @Setup
  public void series() {
    SplittableRandom rnd = new SplittableRandom(8);
    List<ConditionPoint> points = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      points.add(
          new ConditionPoint(T0.plus(Duration.ofDays(d)), 40 + 0.3 * d + rnd.nextGaussian() * 0.5));
    }
    series = new ConditionSeries(VIN, Indicator.PAD_WEAR_PERCENT, points);
    now = T0.plus(Duration.ofDays(days - 1));
  }

  @Benchmark
  public double[] featureExtraction() {
    return features.features(series, context, now);
  }

  @Benchmark
  public Forecast trendForecast() {
    return trend.forecast(series, context, now);
  }
}
