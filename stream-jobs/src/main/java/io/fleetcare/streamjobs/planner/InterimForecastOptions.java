package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.signal.SignalNames;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Options of the interim rule-based forecaster ({@link InterimRuleForecaster}), validated at
 * construction.
 *
 * @param windowPoints the trend is fitted to this many newest values of a series (default 10)
 * @param minPoints no forecast before a series has this many values (default 4)
 * @param minSpan no forecast before the values span this much event time (default 2 days)
 * @param horizonDays the horizon of {@link ComponentForecast#probabilityWithin15Days()}, days
 *     (default 15)
 * @param idleTimeout a vehicle without signals for this long loses its series; processing time
 *     (default 60 days)
 * @param rules which signal series forecast which component, and their service thresholds
 */
public record InterimForecastOptions(
    int windowPoints,
    int minPoints,
    Duration minSpan,
    int horizonDays,
    Duration idleTimeout,
    List<SeriesRule> rules)
    implements Serializable {
  public InterimForecastOptions {
    if (windowPoints < 2 || windowPoints > 100) {
      throw new IllegalArgumentException("windowPoints must be 2..100, was " + windowPoints);
    }
    if (minPoints < 2 || minPoints > windowPoints) {
      throw new IllegalArgumentException(
          "minPoints must be 2..windowPoints (" + windowPoints + "), was " + minPoints);
    }
    if (minSpan == null || minSpan.isNegative()) {
      throw new IllegalArgumentException("minSpan must be >= 0, was " + minSpan);
    }
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
    rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
  }

  /** The documented defaults with {@link #DEFAULT_RULES}. */
  public static InterimForecastOptions defaults() {
    return new InterimForecastOptions(
        10, 4, Duration.ofDays(2), 15, Duration.ofDays(60), DEFAULT_RULES);
  }

  /** How a series approaches its service threshold. */
  public enum Direction {
    /** Service when the value rises to the threshold (pad wear, fuel drift). */
    RISING,
    /** Service when the value falls to the threshold (voltage, tread, pressure, SoH). */
    FALLING,
    /** The value is itself the number of days to the threshold (days to the next milestone). */
    DAYS_LEFT
  }

  /**
   * One kind of signal series and its service threshold (DESIGN.md's service thresholds).
   *
   * @param signal signal name; wheel-level series ({@code name.Row1.Left}) match too
   * @param component the component the series forecasts
   * @param direction which way the series goes towards service
   * @param threshold the service threshold in the signal's unit, or (with {@code relativeToMax}) a
   *     fraction of the highest value of the series since its last reset
   * @param relativeToMax whether {@code threshold} is a fraction of the series' own maximum (tyre
   *     pressure: the stream does not know the nominal pressure; the tyre was at it after its last
   *     inflation)
   * @param resetJump a step of at least this much away from the threshold means the part was
   *     serviced (new pads, new battery, inflated tyre): the series starts again; 0 for never
   * @param unit unit of the signal, for the evidence
   * @param worstPerUtcDay keep one value per UTC day, the one closest to the threshold: for a
   *     signal whose value swings within a day for reasons that are not wear and do not continue
   *     (the 12 V cranking voltage follows the air temperature and the state of charge of each
   *     start), so the trend is fitted to the day's worst start, which is what the threshold is
   *     about, over days rather than over a few hours of weather
   */
  public record SeriesRule(
      String signal,
      WorkOrderType component,
      Direction direction,
      double threshold,
      boolean relativeToMax,
      double resetJump,
      String unit,
      boolean worstPerUtcDay)
      implements Serializable {
    public SeriesRule {
      Objects.requireNonNull(signal, "signal");
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(direction, "direction");
      if (!Double.isFinite(threshold) || !(resetJump >= 0)) {
        throw new IllegalArgumentException("bad threshold or resetJump for " + signal);
      }
    }

    /** A rule that fits every value. */
    public SeriesRule(
        String signal,
        WorkOrderType component,
        Direction direction,
        double threshold,
        boolean relativeToMax,
        double resetJump,
        String unit) {
      this(signal, component, direction, threshold, relativeToMax, resetJump, unit, false);
    }

    /** Whether this rule reads the series {@code name}. */
    public boolean matches(String name) {
      return name.equals(signal) || name.startsWith(signal + ".");
    }
  }

  /** DESIGN.md's thresholds: pads 100 %, cranking 9.6 V, tread 3 mm, 75 % pressure, … */
  public static final List<SeriesRule> DEFAULT_RULES =
      List.of(
          new SeriesRule(
              SignalNames.BRAKE_PAD_WEAR_PCT,
              WorkOrderType.BRAKE_PADS,
              Direction.RISING,
              100,
              false,
              20,
              "percent"),
          new SeriesRule(
              SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT,
              WorkOrderType.BRAKE_PADS,
              Direction.RISING,
              100,
              false,
              20,
              "percent"),
          new SeriesRule(
              SignalNames.BATTERY_CRANKING_MIN_V,
              WorkOrderType.BATTERY_12V,
              Direction.FALLING,
              9.6,
              false,
              1.0,
              "V",
              true),
          new SeriesRule(
              SignalNames.TYRE_TREAD_MM,
              WorkOrderType.TYRES,
              Direction.FALLING,
              3.0,
              false,
              2.0,
              "mm"),
          new SeriesRule(
              SignalNames.TYRE_PRESSURE_KPA,
              WorkOrderType.TYRES,
              Direction.FALLING,
              0.75,
              true,
              20,
              "kPa"),
          new SeriesRule(
              SignalNames.FUEL_DRIFT_30D_PCT,
              WorkOrderType.ENGINE_DEPOSITS,
              Direction.RISING,
              15,
              false,
              8,
              "percent"),
          new SeriesRule(
              SignalNames.TRACTION_SOH_PCT,
              WorkOrderType.TRACTION_BATTERY,
              Direction.FALLING,
              80,
              false,
              10,
              "percent"),
          new SeriesRule(
              SignalNames.DAYS_TO_NEXT_SERVICE,
              WorkOrderType.MILEAGE_SERVICE,
              Direction.DAYS_LEFT,
              0,
              false,
              0,
              "days"));

  /** The rule reading series {@code name}, or null. */
  public SeriesRule ruleFor(String name) {
    for (SeriesRule r : rules) {
      if (r.matches(name)) {
        return r;
      }
    }
    return null;
  }
}
