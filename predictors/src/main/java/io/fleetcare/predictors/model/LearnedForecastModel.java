package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * The trend forecaster corrected by a learned model per indicator, with intervals and probabilities
 * from held-out residuals. Forecasts whose trend is far from the threshold (more than {@link
 * #CANDIDATE_DAYS} days away and not within the indicator's near margin) keep the trend's answer.
 */
public final class LearnedForecastModel implements ForecastModel {
  /** Times to threshold are learned up to this many days; beyond it means "not soon". */
  public static final double CAP_DAYS = 60;

  /** Trend times to threshold up to this many days are corrected. */
  public static final double CANDIDATE_DAYS = 120;

  private final FeatureExtractor features;
  private final Map<Indicator, IndicatorModel> models;
  private final String version;

  public LearnedForecastModel(
      FeatureExtractor features, Map<Indicator, IndicatorModel> models, String version) {
    this.features = features;
    this.models = models.isEmpty() ? Map.of() : new EnumMap<>(models);
    this.version = version;
  }

  @Override
  public String version() {
    return version;
  }

  public Map<Indicator, IndicatorModel> models() {
    return models;
  }

  public FeatureExtractor featureExtractor() {
    return features;
  }

  /** Whether a trend reading is close enough to the threshold to be worth correcting. */
  static boolean candidate(TrendState s) {
    return s.hasData()
        && (s.ttcDays() <= CANDIDATE_DAYS
            || s.margin() <= IndicatorSettings.of(s.series().indicator()).nearMargin());
  }

  @Override
  public Forecast forecast(ConditionSeries series, VehicleContext ctx, Instant now) {
    TrendForecaster trend = features.trend();
    TrendState s = trend.state(series, ctx, now);
    IndicatorModel m = models.get(series.indicator());
    if (m == null || !candidate(s)) {
      return trend.forecast(series, ctx, now).withVersion(version);
    }
    double base = Math.log1p(Math.min(CAP_DAYS, s.ttcDays()));
    double[] x = features.features(s, ctx, now);
    double pred = base + correction(m, x);
    double[] r = m.residuals();
    double median = days(pred + quantile(r, 0.5));
    double low = days(pred + quantile(r, 0.1));
    double high = days(pred + quantile(r, 0.9));
    double limit = Math.log1p(15) - pred;
    int below = upperBound(r, limit);
    double p15 = r.length == 0 ? (median <= 15 ? 1 : 0) : (double) below / r.length;
    Map<String, Object> evidence = TrendForecaster.evidence(s);
    evidence.put("correctedDays", TrendForecaster.round(median));
    return TrendForecaster.make(series, now, median, low, high, p15, evidence, version);
  }

  /** The learned correction for a feature vector (0 without a learned part). */
  static double correction(IndicatorModel m, double[] x) {
    if (m.correction() == null) {
      return 0;
    }
    StructType schema = m.correction().schema();
    return m.correction().predict(Tuple.of(schema, x));
  }

  private static double days(double logDays) {
    double d = Math.expm1(Math.max(0, logDays));
    return d >= CAP_DAYS - 1e-9 ? Math.max(d, CAP_DAYS) : d;
  }

  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Number of values {@code <= limit} in sorted {@code r}. */
  private static int upperBound(double[] r, double limit) {
    int i = Arrays.binarySearch(r, limit);
    if (i < 0) {
      return -i - 1;
    }
    while (i < r.length && r[i] == limit) {
      i++;
    }
    return i;
  }
}
