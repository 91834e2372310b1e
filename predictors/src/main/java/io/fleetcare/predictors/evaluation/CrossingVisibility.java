package io.fleetcare.predictors.evaluation;

import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a scorecard's crossings into those the fleet's messages could show in time and the rest,
 * so that recall can be read apart from what no forecaster could see: a crossing is <b>visible</b>
 * when the vehicle reported an indicator of that threshold (its daily series has a point) at least
 * {@link #MIN_LEAD} before the crossing — the last moment an on-time order can be raised. A car
 * without a pad-wear sensor, without a tread-depth signal, or without an odometer before its first
 * mileage service sends nothing that tells how far the component is from its threshold.
 */
public final class CrossingVisibility {
  /** An order is on time from 7 days ahead; data after that cannot make one. */
  public static final Duration MIN_LEAD = Duration.ofDays(7);

  private final Map<String, Map<Indicator, Instant>> firstPoint = new HashMap<>();

  /** Visibility over these vehicles' series (what the predictors collected from the messages). */
  public CrossingVisibility(List<VehicleData> vehicles) {
    for (VehicleData v : vehicles) {
      Map<Indicator, Instant> first = new HashMap<>();
      for (ConditionSeries s : v.series()) {
        if (!s.isEmpty()) {
          ConditionPoint p = s.points().getFirst();
          first.merge(s.indicator(), p.ts(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      firstPoint.put(v.vin(), first);
    }
  }

  /** Whether the vehicle's messages showed an indicator of {@code c}'s threshold in time. */
  public boolean visible(GroundTruthCrossing c) {
    Map<Indicator, Instant> first = firstPoint.getOrDefault(c.vin(), Map.of());
    Instant latest = c.crossedAt().minus(MIN_LEAD);
    for (Indicator i : indicators(c)) {
      Instant t = first.get(i);
      if (t != null && !t.isAfter(latest)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The indicators that can reveal {@code c}: those of its component, narrowed by the threshold's
   * description where the component has two (tyres: pressure or tread).
   */
  static Set<Indicator> indicators(GroundTruthCrossing c) {
    Set<Indicator> out = EnumSet.noneOf(Indicator.class);
    for (Indicator i : Indicator.values()) {
      if (i.component().equals(c.component())) {
        out.add(i);
      }
    }
    String t = c.threshold().toLowerCase(Locale.ROOT);
    if (out.size() > 1 && t.contains("tread")) {
      out.retainAll(EnumSet.of(Indicator.TREAD_DEPTH_MM));
    } else if (out.size() > 1 && t.contains("pressure")) {
      out.retainAll(EnumSet.of(Indicator.TYRE_PRESSURE_RATIO));
    }
    return out;
  }

  /**
   * One component's crossings by visibility.
   *
   * @param component work-order type code, or {@code overall}
   * @param visible crossings the messages showed in time
   * @param visibleOnTime of those, ordered 7–15 days ahead
   * @param hidden crossings they did not show
   * @param hiddenOnTime of those, ordered 7–15 days ahead
   */
  public record Split(
      String component, int visible, int visibleOnTime, int hidden, int hiddenOnTime) {
    /** Recall over the visible crossings (NaN without any). */
    public double visibleRecall() {
      return visible == 0 ? Double.NaN : (double) visibleOnTime / visible;
    }

    /** Recall if every visible crossing had been ordered on time and no hidden one more. */
    public double recallCeiling() {
      int all = visible + hidden;
      return all == 0 ? Double.NaN : (double) (visible + hiddenOnTime) / all;
    }
  }

  /** The split of {@code card}'s crossings, per component (sorted) and {@code overall} last. */
  public List<Split> split(Scorecard card) {
    Map<String, int[]> counts = new TreeMap<>();
    int[] overall = new int[4];
    for (CrossingOutcome o : card.outcomes()) {
      int[] c = counts.computeIfAbsent(o.crossing().component(), k -> new int[4]);
      int base = visible(o.crossing()) ? 0 : 2;
      int onTime = o.outcome() == Outcome.ON_TIME ? 1 : 0;
      for (int[] target : new int[][] {c, overall}) {
        target[base]++;
        target[base + 1] += onTime;
      }
    }
    List<Split> out = new ArrayList<>();
    counts.forEach((k, c) -> out.add(new Split(k, c[0], c[1], c[2], c[3])));
    out.add(new Split("overall", overall[0], overall[1], overall[2], overall[3]));
    return out;
  }

  /** The split as a fixed-width table. */
  public static String table(List<Split> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-17s %8s %14s %14s %7s %14s %13s%n",
            "component",
            "visible",
            "visible recall",
            "recall ceiling",
            "hidden",
            "hidden on time",
            "share visible"));
    for (Split s : rows) {
      int all = s.visible() + s.hidden();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-17s %8d %14s %14s %7d %14d %13s%n",
              s.component(),
              s.visible(),
              ratio(s.visibleRecall()),
              ratio(s.recallCeiling()),
              s.hidden(),
              s.hiddenOnTime(),
              all == 0 ? "-" : ratio((double) s.visible() / all)));
    }
    return sb.toString();
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
  }
}
