package io.fleetcare.predictors.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How predicted orders are matched to ground-truth crossings; validated at construction.
 *
 * @param onTimeMinDays smallest lead (crossing minus order creation, days) that is on time; default
 *     7.0 (inclusive)
 * @param onTimeMaxDays largest lead that is on time; default 15.0 (inclusive). A larger lead is
 *     early, a smaller one late
 * @param toleranceDays an order still counts as followed by a crossing when the crossing comes up
 *     to this many days after the end of its due day {@code dueTo}; default 3.0
 * @param maxLateDays an order raised after a crossing that has not yet been serviced refers to that
 *     crossing (it is late, not a false alarm) if raised at most this many days after it; default
 *     30.0
 * @param from crossings before this instant are not scored (a warm-up with too little history to
 *     predict from), nor are orders that refer to them; null for no lower bound
 * @param to crossings at or after this instant are not scored; an order without a crossing whose
 *     due window plus tolerance reaches past it is unresolved and left out of precision; null for
 *     none
 * @param components the components scored; default the six predicted ones (fault codes are scored
 *     by latency, not lead)
 */
public record EvaluationOptions(
    double onTimeMinDays,
    double onTimeMaxDays,
    double toleranceDays,
    double maxLateDays,
    Instant from,
    Instant to,
    Set<String> components) {

  /** The six predicted components, in report order. */
  public static final List<String> PREDICTED_COMPONENTS =
      List.of(
          "BRAKE_PADS",
          "BATTERY_12V",
          "TYRES",
          "ENGINE_DEPOSITS",
          "TRACTION_BATTERY",
          "MILEAGE_SERVICE");

  /** Defaults: on time 7–15 days, tolerance 3 days, late up to 30 days, whole period. */
  public static final EvaluationOptions DEFAULTS =
      new EvaluationOptions(7, 15, 3, 30, null, null, Set.copyOf(PREDICTED_COMPONENTS));

  public EvaluationOptions {
    Objects.requireNonNull(components, "components");
    require(
        Double.isFinite(onTimeMinDays) && onTimeMinDays >= 0,
        "onTimeMinDays must be >= 0, was " + onTimeMinDays);
    require(
        Double.isFinite(onTimeMaxDays) && onTimeMaxDays >= onTimeMinDays,
        "onTimeMaxDays must be >= onTimeMinDays, was " + onTimeMaxDays);
    require(
        Double.isFinite(toleranceDays) && toleranceDays >= 0,
        "toleranceDays must be >= 0, was " + toleranceDays);
    require(
        Double.isFinite(maxLateDays) && maxLateDays >= 0,
        "maxLateDays must be >= 0, was " + maxLateDays);
    require(from == null || to == null || from.isBefore(to), "from must be before to");
    require(!components.isEmpty(), "components must not be empty");
    components = Set.copyOf(components);
  }

  /** These options scoring only crossings in [{@code from}, {@code to}). */
  public EvaluationOptions withPeriod(Instant from, Instant to) {
    return new EvaluationOptions(
        onTimeMinDays, onTimeMaxDays, toleranceDays, maxLateDays, from, to, components);
  }

  /** These options scoring {@code components}. */
  public EvaluationOptions withComponents(Set<String> components) {
    return new EvaluationOptions(
        onTimeMinDays, onTimeMaxDays, toleranceDays, maxLateDays, from, to, components);
  }

  /** The scored components, the predicted ones first in their usual order. */
  public List<String> orderedComponents() {
    List<String> out = new java.util.ArrayList<>();
    for (String c : PREDICTED_COMPONENTS) {
      if (components.contains(c)) {
        out.add(c);
      }
    }
    for (String c : new TreeSet<>(components)) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  boolean inPeriod(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
