package io.fleetcare.predictors.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores predicted orders against ground truth; the rules are in docs/predictions.md.
 *
 * <p>Per vehicle and component, an order refers to at most one crossing: the crossing still open
 * when it is raised (crossed, not serviced since, at most {@code maxLateDays} ago), else the next
 * crossing if it comes before the end of the order's {@code dueTo} day plus {@code toleranceDays}
 * with no service of the component in between. A service resets the component, so an order never
 * refers to a crossing after a service that follows it.
 */
public final class ScorecardEvaluator {
  private static final double DAY_S = 86_400.0;

  private final EvaluationOptions options;

  public ScorecardEvaluator(EvaluationOptions options) {
    this.options = options;
  }

  /** Scores {@code orders} against {@code truth}. */
  public Scorecard score(String name, GroundTruth truth, Collection<PredictedOrder> orders) {
    Map<String, List<GroundTruthCrossing>> crossings = new HashMap<>();
    for (GroundTruthCrossing c : truth.crossings()) {
      if (options.components().contains(c.component())) {
        crossings.computeIfAbsent(key(c.vin(), c.component()), k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, List<Instant>> services = new HashMap<>();
    for (ServiceEvent s : truth.services()) {
      services.computeIfAbsent(key(s.vin(), s.component()), k -> new ArrayList<>()).add(s.at());
    }
    Map<String, List<PredictedOrder>> byKey = new HashMap<>();
    for (PredictedOrder o : orders) {
      if (options.components().contains(o.component())) {
        byKey.computeIfAbsent(key(o.vin(), o.component()), k -> new ArrayList<>()).add(o);
      }
    }
    crossings.values().forEach(l -> l.sort(Comparator.comparing(GroundTruthCrossing::crossedAt)));
    services.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    byKey.values().forEach(l -> l.sort(Comparator.comparing(PredictedOrder::createdAt)));

    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String component : options.orderedComponents()) {
      tallies.put(component, new Tally(component));
    }
    List<CrossingOutcome> outcomes = new ArrayList<>();

    java.util.Set<String> keys = new java.util.TreeSet<>(crossings.keySet());
    keys.addAll(byKey.keySet());
    for (String key : keys) {
      List<GroundTruthCrossing> cs = crossings.getOrDefault(key, List.of());
      List<Instant> ss = services.getOrDefault(key, List.of());
      List<PredictedOrder> os = byKey.getOrDefault(key, List.of());
      String component = key.substring(key.indexOf('|') + 1);
      Tally tally = tallies.get(component);

      Map<GroundTruthCrossing, List<PredictedOrder>> referring = new LinkedHashMap<>();
      List<PredictedOrder> unmatched = new ArrayList<>();
      for (PredictedOrder o : os) {
        GroundTruthCrossing c = match(o, cs, ss);
        if (c == null) {
          if (options.to() != null && windowEnd(o).isAfter(options.to())) {
            tally.unresolved++;
          } else {
            unmatched.add(o);
          }
        } else if (!options.inPeriod(c.crossedAt())) {
          tally.unresolved++;
        } else {
          referring.computeIfAbsent(c, k -> new ArrayList<>()).add(o);
        }
      }
      for (GroundTruthCrossing c : cs) {
        if (!options.inPeriod(c.crossedAt())) {
          continue;
        }
        CrossingOutcome outcome = outcome(c, referring.getOrDefault(c, List.of()));
        outcomes.add(outcome);
        tally.add(outcome);
      }
      tally.orders += unmatched.size();
      tally.falseAlarms += falseAlarmGroups(unmatched);
    }

    Map<String, ComponentScore> scores = new LinkedHashMap<>();
    Tally all = new Tally("overall");
    for (Tally t : tallies.values()) {
      scores.put(t.component, t.score());
      all.merge(t);
    }
    return new Scorecard(name, scores, all.score(), outcomes);
  }

  private GroundTruthCrossing match(
      PredictedOrder o, List<GroundTruthCrossing> crossings, List<Instant> services) {
    Instant created = o.createdAt();
    GroundTruthCrossing open = null;
    GroundTruthCrossing next = null;
    for (GroundTruthCrossing c : crossings) {
      if (!c.crossedAt().isAfter(created)) {
        open = c;
      } else {
        next = c;
        break;
      }
    }
    if (open != null
        && !serviceBetween(services, open.crossedAt(), created)
        && days(open.crossedAt(), created) <= options.maxLateDays()) {
      return open;
    }
    if (next != null
        && !next.crossedAt().isAfter(windowEnd(o))
        && !serviceBetween(services, created, next.crossedAt())) {
      return next;
    }
    return null;
  }

  /** End of the due day plus tolerance. */
  private Instant windowEnd(PredictedOrder o) {
    return o.dueTo()
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .plusMillis(Math.round(options.toleranceDays() * DAY_S * 1000));
  }

  /** Whether a service happened in (from, to]. */
  private static boolean serviceBetween(List<Instant> services, Instant from, Instant to) {
    for (Instant s : services) {
      if (s.isAfter(from) && !s.isAfter(to)) {
        return true;
      }
    }
    return false;
  }

  private CrossingOutcome outcome(GroundTruthCrossing c, List<PredictedOrder> orders) {
    if (orders.isEmpty()) {
      return new CrossingOutcome(c, Outcome.MISSED, null, Double.NaN, -1, 0);
    }
    PredictedOrder deciding = null;
    Outcome outcome = null;
    for (PredictedOrder o : orders) {
      double lead = days(o.createdAt(), c.crossedAt());
      if (lead >= options.onTimeMinDays() && lead <= options.onTimeMaxDays()) {
        deciding = o;
        outcome = Outcome.ON_TIME;
        break;
      }
    }
    if (deciding == null) {
      deciding = orders.get(0); // the earliest: what the advisor saw first
      double lead = days(deciding.createdAt(), c.crossedAt());
      outcome = lead > options.onTimeMaxDays() ? Outcome.EARLY : Outcome.LATE;
    }
    LocalDate actual = LocalDate.ofInstant(c.crossedAt(), ZoneOffset.UTC);
    long error = Math.abs(ChronoUnit.DAYS.between(actual, deciding.predictedDate()));
    return new CrossingOutcome(
        c, outcome, deciding, days(deciding.createdAt(), c.crossedAt()), error, orders.size());
  }

  /** Orders without a crossing, grouped by overlapping due windows (plus tolerance). */
  private int falseAlarmGroups(List<PredictedOrder> unmatched) {
    int groups = 0;
    Instant groupEnd = null;
    for (PredictedOrder o : unmatched) {
      if (groupEnd == null || o.createdAt().isAfter(groupEnd)) {
        groups++;
        groupEnd = windowEnd(o);
      } else if (windowEnd(o).isAfter(groupEnd)) {
        groupEnd = windowEnd(o);
      }
    }
    return groups;
  }

  static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / (DAY_S * 1000);
  }

  private static String key(String vin, String component) {
    return vin + "|" + component;
  }

  /**
   * Linear-interpolation percentile (the usual "type 7"): {@code p} in 0..1 of {@code values}; NaN
   * when empty.
   */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double h = (v.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /** Counts of one component. */
  private static final class Tally {
    final String component;
    int crossings;
    int onTime;
    int early;
    int late;
    int missed;
    int orders;
    int truePositives;
    int falseAlarms;
    int duplicates;
    int unresolved;
    final List<Double> dateErrors = new ArrayList<>();

    Tally(String component) {
      this.component = component;
    }

    void add(CrossingOutcome o) {
      crossings++;
      switch (o.outcome()) {
        case ON_TIME -> onTime++;
        case EARLY -> early++;
        case LATE -> late++;
        case MISSED -> missed++;
      }
      if (o.orders() > 0) {
        truePositives++;
        orders += o.orders();
        duplicates += o.orders() - 1;
        dateErrors.add((double) o.dateErrorDays());
      }
    }

    void merge(Tally t) {
      crossings += t.crossings;
      onTime += t.onTime;
      early += t.early;
      late += t.late;
      missed += t.missed;
      orders += t.orders;
      truePositives += t.truePositives;
      falseAlarms += t.falseAlarms;
      duplicates += t.duplicates;
      unresolved += t.unresolved;
      dateErrors.addAll(t.dateErrors);
    }

    ComponentScore score() {
      double[] errors = dateErrors.stream().mapToDouble(Double::doubleValue).toArray();
      return new ComponentScore(
          component,
          crossings,
          onTime,
          early,
          late,
          missed,
          orders,
          truePositives,
          falseAlarms,
          duplicates,
          unresolved,
          crossings == 0 ? Double.NaN : (double) onTime / crossings,
          truePositives + falseAlarms == 0
              ? Double.NaN
              : (double) truePositives / (truePositives + falseAlarms),
          percentile(errors, 0.5),
          percentile(errors, 0.9));
    }
  }
}
