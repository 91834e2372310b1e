package io.fleetcare.predictors.model;

import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.GroundTruthCrossing;
import io.fleetcare.predictors.evaluation.ServiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks up the true time to the next crossing, for training targets. */
final class TruthIndex {
  private final Map<String, List<Instant>> crossings = new HashMap<>();
  private final Map<String, List<Instant>> services = new HashMap<>();
  private final Instant end;

  TruthIndex(GroundTruth truth) {
    for (GroundTruthCrossing c : truth.crossings()) {
      crossings
          .computeIfAbsent(c.vin() + "|" + c.component(), k -> new ArrayList<>())
          .add(c.crossedAt());
    }
    for (ServiceEvent s : truth.services()) {
      services.computeIfAbsent(s.vin() + "|" + s.component(), k -> new ArrayList<>()).add(s.at());
    }
    crossings.values().forEach(l -> l.sort(null));
    services.values().forEach(l -> l.sort(null));
    Instant last = null;
    for (GroundTruthCrossing c : truth.crossings()) {
      last = last == null || c.crossedAt().isAfter(last) ? c.crossedAt() : last;
    }
    end = truth.end() != null ? truth.end() : last;
  }

  /**
   * Days from {@code now} to the next crossing of the component, capped at {@code cap}: 0 when a
   * crossing is still open (not serviced), NaN when unknown (the data ends, or a service comes
   * first, before {@code cap} days).
   */
  double daysToCrossing(String vin, String component, Instant now, double cap) {
    String key = vin + "|" + component;
    List<Instant> cs = crossings.getOrDefault(key, List.of());
    List<Instant> ss = services.getOrDefault(key, List.of());
    Instant open = null;
    Instant next = null;
    for (Instant c : cs) {
      if (!c.isAfter(now)) {
        open = c;
      } else {
        next = c;
        break;
      }
    }
    if (open != null && !between(ss, open, now)) {
      return 0;
    }
    Instant firstService = null;
    for (Instant s : ss) {
      if (s.isAfter(now)) {
        firstService = s;
        break;
      }
    }
    if (next != null && (firstService == null || !firstService.isBefore(next))) {
      return Math.min(cap, days(now, next));
    }
    Instant censor = firstService != null ? firstService : end;
    if (censor != null && days(now, censor) >= cap) {
      return cap;
    }
    return Double.NaN;
  }

  private static boolean between(List<Instant> ss, Instant from, Instant to) {
    for (Instant s : ss) {
      if (s.isAfter(from) && !s.isAfter(to)) {
        return true;
      }
    }
    return false;
  }

  private static double days(Instant from, Instant to) {
    return (to.toEpochMilli() - from.toEpochMilli()) / TrendFit.DAY_MS;
  }
}
