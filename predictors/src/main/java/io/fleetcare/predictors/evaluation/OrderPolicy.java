package io.fleetcare.predictors.evaluation;

import io.fleetcare.predictors.model.Forecast;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stream of forecasts into orders the way the planner is meant to (reference rule for
 * scoring forecasts; the stream job's planner may refine it): an order is raised when the median
 * predicted time to the crossing is at most {@code triggerDays} (default 11, the middle of the 7–15
 * day window); it is due from 7 days out (from today when the crossing is predicted sooner: urgent)
 * to 15 days out. Once raised, no new order for the same vehicle and indicator until a service of
 * the component, a new threshold (the next mileage milestone), or {@code suppressDays} (default
 * 30). Forecasts must come in time order per vehicle and indicator.
 */
public final class OrderPolicy {
  private final double triggerDays;
  private final double suppressDays;
  private final Map<String, Last> last = new HashMap<>();

  private record Last(Instant at, Object threshold) {}

  public OrderPolicy() {
    this(11, 30);
  }

  public OrderPolicy(double triggerDays, double suppressDays) {
    if (!(triggerDays >= 0) || !(suppressDays >= 0)) {
      throw new IllegalArgumentException("triggerDays and suppressDays must be >= 0");
    }
    this.triggerDays = triggerDays;
    this.suppressDays = suppressDays;
  }

  /**
   * The order {@code f} raises, if any; {@code lastService} is the component's latest service at or
   * before the forecast (null when none).
   */
  public Optional<PredictedOrder> offer(Forecast f, Instant lastService) {
    if (!f.foreseen() || !(f.medianDays() <= triggerDays)) {
      return Optional.empty();
    }
    String key = f.vin() + "|" + f.indicator();
    Last prev = last.get(key);
    Object threshold = f.evidence().get("threshold");
    if (prev != null
        && (lastService == null || !lastService.isAfter(prev.at()))
        && java.util.Objects.equals(prev.threshold(), threshold)
        && f.at().isBefore(prev.at().plusMillis((long) (suppressDays * 86_400_000L)))) {
      return Optional.empty();
    }
    last.put(key, new Last(f.at(), threshold));
    LocalDate today = LocalDate.ofInstant(f.at(), ZoneOffset.UTC);
    LocalDate dueFrom = f.medianDays() < 7 ? today : today.plusDays(7);
    LocalDate dueTo = today.plusDays(15);
    return Optional.of(
        new PredictedOrder(f.vin(), f.component(), f.at(), f.predictedDate(), dueFrom, dueTo));
  }
}
