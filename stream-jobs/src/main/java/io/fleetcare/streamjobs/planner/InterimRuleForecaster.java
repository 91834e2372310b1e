package io.fleetcare.streamjobs.planner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.planner.InterimForecastOptions.Direction;
import io.fleetcare.streamjobs.planner.InterimForecastOptions.SeriesRule;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * INTERIM forecaster until the predictor operator (model from {@code predictors}) exists: a linear
 * trend of the newest values of each signal series, projected to the service threshold of
 * DESIGN.md. The predictor operator replaces it by producing {@link ComponentForecast}s itself; the
 * planner does not care which made them ({@link #MODEL_VERSION} names this one on every order).
 *
 * <p>Per series: least squares over the newest {@link InterimForecastOptions#windowPoints()}
 * values; the crossing date is where the fitted line meets the threshold, the 10–90 % interval
 * comes from the slope's standard error (±1.28 σ), and the probability of a crossing within the
 * horizon is that of the slope being steep enough, under a normal slope. A value already beyond the
 * threshold is a crossing today. A step back from the threshold larger than the rule's reset jump
 * (new pads, new battery, inflated tyre) restarts the series, so a service does not bend the trend.
 * Mileage is direct: the days to the next milestone are the projection, ±20 %.
 *
 * <p>Per component: every new value refits its series and the component's forecast is that of its
 * series closest to service (highest probability, then earliest date) — e.g. the worst wheel.
 */
public final class InterimRuleForecaster implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The model version on forecasts (and orders) of this forecaster. */
  public static final String MODEL_VERSION = "interim-linear-trend-v1";

  static final long DAY_MS = 86_400_000L;
  private static final double Z90 = 1.2816;
  private static final double DAYS_LEFT_RELATIVE_SD = 0.2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InterimForecastOptions options;

  public InterimRuleForecaster(InterimForecastOptions options) {
    this.options = options;
  }

  /** Whether {@code signalName} feeds a forecast (the operator drops the others early). */
  public boolean reads(String signalName) {
    return options.ruleFor(signalName) != null;
  }

  /**
   * Adds a value to its series and returns the component's forecast, if its series have enough
   * history to make one.
   *
   * @param series the vehicle's series by signal name
   */
  public Optional<ComponentForecast> onSignal(KeyedStore<InterimSeriesState> series, SignalPoint p)
      throws Exception {
    SeriesRule rule = options.ruleFor(p.name());
    if (rule == null) {
      return Optional.empty();
    }
    InterimSeriesState s = series.get(p.name());
    if (s == null || s.ts == null || s.ts.length != options.windowPoints()) {
      s = new InterimSeriesState(options.windowPoints());
    }
    if (s.count > 0 && p.tsMs() < s.newestTs()) {
      return Optional.empty(); // late value: the trend is of event time order
    }
    if (s.count > 0 && rule.resetJump() > 0) {
      double step = p.value() - s.newestValue();
      boolean serviced =
          switch (rule.direction()) {
            case RISING -> step <= -rule.resetJump();
            case FALLING -> step >= rule.resetJump();
            case DAYS_LEFT -> false;
          };
      if (serviced) {
        s.reset();
      }
    }
    if (rule.worstPerUtcDay()
        && s.count > 0
        && Math.floorDiv(p.tsMs(), DAY_MS) == Math.floorDiv(s.newestTs(), DAY_MS)) {
      // Same day: the day's worst value stands for it (a better one later that day is weather).
      if (towardsService(rule, p.value(), s.newestValue())) {
        s.replaceNewest(p.tsMs(), p.value());
      }
    } else {
      s.add(p.tsMs(), p.value());
    }
    Projection projection = project(rule, s, p.tsMs());
    // The stored projection always belongs to the series as it is now: a series that cannot be
    // fitted (its window spans less than minSpan after a burst of values) must not compete as
    // the component's worst with a projection of values it no longer holds.
    s.predictedDay = projection == null ? Long.MAX_VALUE : projection.predictedDay;
    s.probability = projection == null ? -1 : projection.probability;
    series.put(p.name(), s);
    if (projection == null) {
      return Optional.empty();
    }
    // The component's forecast is its series closest to service.
    String worstName = p.name();
    InterimSeriesState worst = s;
    for (Map.Entry<String, InterimSeriesState> e : series.entries()) {
      InterimSeriesState other = e.getValue();
      if (other.probability < 0 || options.ruleFor(e.getKey()).component() != rule.component()) {
        continue;
      }
      if (other.probability > worst.probability
          || (other.probability == worst.probability && other.predictedDay < worst.predictedDay)) {
        worst = other;
        worstName = e.getKey();
      }
    }
    if (worst != s) {
      // Refitting the same values at the same time gives the stored projection again: a series
      // keeps a projection only while it can be fitted.
      projection = project(options.ruleFor(worstName), worst, worst.newestTs());
      if (projection == null) {
        throw new IllegalStateException("series " + worstName + " has a projection it cannot fit");
      }
    }
    return Optional.of(
        forecast(p.vin(), p.tsMs(), worstName, options.ruleFor(worstName), worst, projection));
  }

  /** Whether {@code value} is closer to service than {@code than}. */
  private static boolean towardsService(SeriesRule rule, double value, double than) {
    return switch (rule.direction()) {
      case RISING -> value > than;
      case FALLING -> value < than;
      case DAYS_LEFT -> true;
    };
  }

  /** A fitted series: crossing day (Long.MAX_VALUE for none), interval, probability. */
  record Projection(
      long predictedDay,
      long lowDay,
      long highDay,
      double probability,
      double fittedNow,
      double slopePerDay,
      double slopeSe,
      double threshold) {}

  Projection project(SeriesRule rule, InterimSeriesState s, long nowMs) {
    if (s.count < (rule.direction() == Direction.DAYS_LEFT ? 1 : options.minPoints())
        || s.newestTs() - s.oldestTs() < options.minSpan().toMillis()
            && rule.direction() != Direction.DAYS_LEFT) {
      return null;
    }
    long today = Math.floorDiv(nowMs, DAY_MS);
    int horizon = options.horizonDays();
    if (rule.direction() == Direction.DAYS_LEFT) {
      double days = Math.max(0, s.newestValue());
      double sd = Math.max(0.5, DAYS_LEFT_RELATIVE_SD * days);
      return new Projection(
          today + Math.round(days),
          today + Math.round(Math.max(0, days - Z90 * sd)),
          today + Math.round(days + Z90 * sd),
          normalCdf((horizon - days) / sd),
          days,
          -1,
          0,
          0);
    }
    // Fit y = a + b x with x in days before now (x <= 0), so a is the fitted value now.
    double sign = rule.direction() == Direction.RISING ? 1 : -1;
    double threshold = rule.relativeToMax() ? rule.threshold() * s.max : rule.threshold();
    int n = s.count;
    double sx = 0, sy = 0;
    for (int i = 0; i < n; i++) {
      int k = s.index(i);
      sx += (s.ts[k] - nowMs) / (double) DAY_MS;
      sy += s.values[k];
    }
    double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      int k = s.index(i);
      double dx = (s.ts[k] - nowMs) / (double) DAY_MS - mx;
      sxx += dx * dx;
      sxy += dx * (s.values[k] - my);
    }
    if (sxx <= 0) {
      return null;
    }
    double b = sxy / sxx;
    double a = my - b * mx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      int k = s.index(i);
      double r = s.values[k] - (a + b * (s.ts[k] - nowMs) / (double) DAY_MS);
      sse += r * r;
    }
    double se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : 0;
    // In "towards service" terms: gap > 0 is the distance left, speed > 0 approaches it.
    double gap = sign * (threshold - a);
    double speed = sign * b;
    if (sign * (threshold - s.newestValue()) <= 0 || gap <= 0) {
      return new Projection(today, today, today, 1.0, a, b, se, threshold);
    }
    double needed = gap / horizon;
    double probability = se > 0 ? normalCdf((speed - needed) / se) : (speed >= needed ? 1.0 : 0.0);
    long predicted = speed > 0 ? dayAfter(today, gap / speed) : Long.MAX_VALUE;
    double fast = speed + Z90 * se;
    double slow = speed - Z90 * se;
    long low = fast > 0 ? dayAfter(today, gap / fast) : Long.MAX_VALUE;
    long high = slow > 0 ? dayAfter(today, gap / slow) : Long.MAX_VALUE;
    return new Projection(predicted, low, high, probability, a, b, se, threshold);
  }

  /** Ten years out counts as "no crossing in sight". */
  private static long dayAfter(long today, double days) {
    return days > 3650 ? Long.MAX_VALUE : today + (long) Math.ceil(days);
  }

  private ComponentForecast forecast(
      String vin,
      long tsMs,
      String seriesName,
      SeriesRule rule,
      InterimSeriesState s,
      Projection p) {
    LocalDate predicted = date(p.predictedDay);
    ObjectNode evidence = JSON.createObjectNode();
    evidence.put("signal", seriesName);
    evidence.put("unit", rule.unit());
    if (rule.direction() != Direction.DAYS_LEFT) {
      evidence.put("threshold", round(p.threshold));
      evidence.put("trendPerDay", round(p.slopePerDay));
    }
    ArrayNode points = evidence.putArray("series");
    for (int i = s.count - 1; i >= 0; i--) {
      int k = s.index(i);
      points.addObject().put("ts", s.ts[k]).put("value", round(s.values[k]));
    }
    ArrayNode forecast = evidence.putArray("forecast");
    if (rule.direction() != Direction.DAYS_LEFT) {
      long now = s.newestTs();
      long endDay =
          p.predictedDay == Long.MAX_VALUE
              ? Math.floorDiv(now, DAY_MS) + options.horizonDays()
              : Math.max(p.predictedDay, Math.floorDiv(now, DAY_MS) + 1);
      long end = endDay * DAY_MS;
      double days = (end - now) / (double) DAY_MS;
      double value = p.fittedNow + p.slopePerDay * days;
      double spread = Z90 * p.slopeSe * days;
      forecast.addObject().put("ts", now).put("value", round(p.fittedNow));
      forecast
          .addObject()
          .put("ts", end)
          .put("value", round(value))
          .put("low", round(value - spread))
          .put("high", round(value + spread));
    }
    if (p.predictedDay != Long.MAX_VALUE) {
      ObjectNode interval = evidence.putObject("interval");
      interval.put("level", 0.8);
      interval.put("from", date(p.lowDay).toString());
      if (p.highDay != Long.MAX_VALUE) {
        interval.put("to", date(p.highDay).toString());
      }
    }
    evidence.put("rule", "interim linear trend of the last " + s.count + " values");
    evidence.put("summary", summary(seriesName, rule, s, p, predicted));
    return new ComponentForecast(
        vin,
        rule.component(),
        tsMs,
        predicted,
        date(p.lowDay),
        date(p.highDay),
        Math.max(0, Math.min(1, p.probability)),
        evidence.toString(),
        MODEL_VERSION);
  }

  private static String summary(
      String name, SeriesRule rule, InterimSeriesState s, Projection p, LocalDate predicted) {
    if (rule.direction() == Direction.DAYS_LEFT) {
      return String.format(
          Locale.ROOT, "next mileage service in about %.0f days (%s)", p.fittedNow, predicted);
    }
    String now =
        String.format(
            Locale.ROOT,
            "%s %.1f %s, trend %+.2f %s/day, threshold %.1f",
            name,
            s.newestValue(),
            rule.unit(),
            p.slopePerDay,
            rule.unit(),
            p.threshold);
    return predicted == null
        ? now + "; no crossing in sight"
        : now + "; crossing around " + predicted;
  }

  private static LocalDate date(long epochDay) {
    return epochDay == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(epochDay);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7). */
  static double normalCdf(double z) {
    if (Double.isNaN(z)) {
      return 0;
    }
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf =
        1
            - t
                * (0.254829592
                    + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152073 + t * 1.061405429))))
                * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }

  /** For tests and the planner: the component a signal name forecasts, or null. */
  public WorkOrderType componentOf(String signalName) {
    SeriesRule r = options.ruleFor(signalName);
    return r == null ? null : r.component();
  }
}
