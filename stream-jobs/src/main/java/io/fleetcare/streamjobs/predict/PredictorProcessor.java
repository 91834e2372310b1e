package io.fleetcare.streamjobs.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.VehicleContext;
import io.fleetcare.predictors.series.VehicleSeries;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predictor's rules over one vehicle's state, without Flink. Every message goes into the
 * vehicle's {@link VehicleSeries} (the same code that builds the training series). When a message
 * opens a new UTC day, the finished day is forecast first, as of the event time of its newest data,
 * exactly as the offline backtest forecasts each daily point: one {@link ComponentForecast} per
 * component the vehicle has data for. Where two indicators forecast one component (tyres: pressure
 * and tread), the earlier crossing wins. Then days older than the history are pruned.
 */
public final class PredictorProcessor implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final long DAY_MS = 86_400_000L;
  private static final int EVIDENCE_POINTS = 14;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int historyDays;

  public PredictorProcessor(int historyDays) {
    this.historyDays = historyDays;
  }

  /**
   * Takes in one message of the vehicle; returns the forecasts of the day it closes (empty unless
   * it is the first message of a later day).
   */
  public List<ComponentForecast> onMessage(
      ForecastModel model, VehicleSeries series, PredictorState state, VehicleMessage message) {
    List<ComponentForecast> out = List.of();
    long first = firstTsMs(message);
    long last = series.lastTsMs();
    if (first != Long.MAX_VALUE && last != Long.MIN_VALUE) {
      long lastDay = Math.floorDiv(last, DAY_MS);
      if (Math.floorDiv(first, DAY_MS) > lastDay && lastDay > state.forecastDay) {
        out = forecast(model, series, Instant.ofEpochMilli(last));
        state.forecastDay = lastDay;
        series.prune(historyDays);
      }
    }
    series.accept(message);
    return out;
  }

  /** The forecasts of every component of {@code series} as of {@code now}. */
  public static List<ComponentForecast> forecast(
      ForecastModel model, VehicleSeries series, Instant now) {
    VehicleContext ctx = series.context();
    Map<String, Forecast> best = new LinkedHashMap<>();
    Map<String, ConditionSeries> behind = new LinkedHashMap<>();
    for (ConditionSeries s : series.series()) {
      Forecast f = model.forecast(s, ctx, now);
      Forecast prev = best.get(f.component());
      if (prev == null || earlier(f, prev)) {
        best.put(f.component(), f);
        behind.put(f.component(), s);
      }
    }
    List<ComponentForecast> out = new ArrayList<>();
    for (Map.Entry<String, Forecast> e : best.entrySet()) {
      out.add(toComponentForecast(e.getValue(), behind.get(e.getKey())));
    }
    return out;
  }

  private static boolean earlier(Forecast a, Forecast b) {
    if (!a.foreseen()) {
      return false;
    }
    return !b.foreseen() || a.medianDays() < b.medianDays();
  }

  /** The planner's form of a forecast, with the evidence the advisor page shows. */
  static ComponentForecast toComponentForecast(Forecast f, ConditionSeries s) {
    ObjectNode evidence = JSON.createObjectNode();
    Map<String, Object> model = f.evidence();
    evidence.put("signal", f.indicator().name());
    evidence.put("unit", f.indicator().unit());
    if (model.get("threshold") instanceof Number t && Double.isFinite(t.doubleValue())) {
      evidence.put("threshold", t.doubleValue());
    }
    ArrayNode points = evidence.putArray("series");
    List<ConditionPoint> pts = s.upTo(f.at()).points();
    for (int i = Math.max(0, pts.size() - EVIDENCE_POINTS); i < pts.size(); i++) {
      ConditionPoint p = pts.get(i);
      points.addObject().put("ts", p.ts().toEpochMilli()).put("value", round(p.value()));
    }
    ObjectNode m = evidence.putObject("model");
    model.forEach(
        (k, v) -> {
          if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            m.put(k, n.doubleValue());
          } else if (v != null && !(v instanceof Number)) {
            m.put(k, v.toString());
          }
        });
    if (f.foreseen()) {
      evidence.put("medianDays", round(f.medianDays()));
      ObjectNode interval = evidence.putObject("interval");
      interval.put("level", 0.8);
      if (f.lowDate() != null) {
        interval.put("from", f.lowDate().toString());
      }
      if (f.highDate() != null) {
        interval.put("to", f.highDate().toString());
      }
    }
    evidence.put("summary", summary(f));
    return new ComponentForecast(
        f.vin(),
        WorkOrderType.of(f.component()),
        f.at().toEpochMilli(),
        f.predictedDate(),
        f.lowDate(),
        f.highDate(),
        f.probabilityWithin15Days(),
        evidence.toString(),
        f.modelVersion());
  }

  private static String summary(Forecast f) {
    Object value = f.evidence().get("value");
    String now =
        f.indicator().name() + (value == null ? "" : " " + value + " " + f.indicator().unit());
    if (!f.foreseen()) {
      return now + ": no crossing foreseen";
    }
    return now
        + ": threshold "
        + f.evidence().get("threshold")
        + " crossed around "
        + f.predictedDate()
        + " (in "
        + Math.round(f.medianDays())
        + " days; 80 % interval "
        + (f.lowDate() == null ? "?" : f.lowDate())
        + " to "
        + (f.highDate() == null ? "later" : f.highDate())
        + ")";
  }

  /** Earliest event time in the message, or {@code Long.MAX_VALUE} when it has none (profile). */
  static long firstTsMs(VehicleMessage message) {
    long first = Long.MAX_VALUE;
    switch (message) {
      case TelemetryMessage t -> {
        for (Sample s : t.samples()) {
          first = Math.min(first, s.tsMs());
        }
      }
      case EventMessage e -> {
        for (VehicleEvent ev : e.events()) {
          first = Math.min(first, ev.tsMs());
        }
      }
      default -> {}
    }
    return first;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
