package io.fleetcare.workorders.http;

import io.fleetcare.core.workorder.GeoPoint;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.WorkOrderService.OrderDetail;
import io.fleetcare.workorders.WorkOrderService.VehicleHealth;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.model.AuditEntry;
import io.fleetcare.workorders.model.OutcomeStats;
import io.fleetcare.workorders.model.ServiceRecord;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** JSON views of orders for one caller: personal data masked for roles that see it masked. */
public final class WorkOrderJson {
  private WorkOrderJson() {}

  /** An order; {@code withEvidence} false for list rows. */
  public static JsonObject order(StoredWorkOrder s, ApiUser viewer, boolean withEvidence) {
    WorkOrder o = s.order();
    boolean masked = viewer.role().seesMaskedPersonalData();
    JsonObject json =
        new JsonObject()
            .put("id", o.id().toString())
            .put("vin", masked ? Masking.vin(o.vin()) : o.vin())
            .put("dealerId", o.dealerId())
            .put("department", o.department().name())
            .put("kind", o.kind().name())
            .put("type", o.type().code())
            .put("urgency", o.urgency().name())
            .put("status", o.status().name())
            .put("createdAt", text(o.createdAt()))
            .put("receivedAt", text(s.receivedAt()))
            .put("updatedAt", text(s.updatedAt()))
            .put("predictedDate", text(o.predictedDate()))
            .put("dueFrom", o.dueFrom().toString())
            .put("dueTo", o.dueTo().toString())
            .put("probability", o.probability())
            .put("modelVersion", o.modelVersion())
            .put("servicePackage", o.servicePackage())
            .put("customerPhone", masked ? Masking.phone(o.customerPhone()) : o.customerPhone())
            .put("location", location(o.location(), masked))
            .put("acknowledgedAt", text(s.acknowledgedAt()))
            .put("acknowledgedBy", s.acknowledgedBy())
            .put("scheduledAt", text(s.scheduledAt()))
            .put("appointmentAt", text(s.appointmentAt()))
            .put("doneAt", text(s.doneAt()))
            .put("serviceRecord", serviceRecord(s.serviceRecord()))
            .put("dismissedAt", text(s.dismissedAt()))
            .put("dismissReason", s.dismissReason() == null ? null : s.dismissReason().name())
            .put("dismissNote", s.dismissNote())
            .put("escalatedAt", text(s.escalatedAt()))
            .put("escalatedTo", s.escalatedTo())
            .put("version", s.version())
            .put("masked", masked);
    JsonObject evidence = evidence(o.evidenceJson());
    json.put("summary", evidence.getValue("summary") instanceof String t ? t : null);
    if (withEvidence) {
      json.put("evidence", evidence);
    }
    return json;
  }

  private static JsonObject location(GeoPoint p, boolean masked) {
    if (p == null) {
      return null;
    }
    GeoPoint shown = masked ? p.coarse() : p;
    return new JsonObject()
        .put("latitude", shown.latitude())
        .put("longitude", shown.longitude())
        .put("precision", masked ? "~10 km" : "exact");
  }

  private static JsonObject serviceRecord(ServiceRecord r) {
    if (r == null) {
      return null;
    }
    return new JsonObject()
        .put("parts", new JsonArray(r.parts()))
        .put("odometerKm", r.odometerKm())
        .put("customerScore", r.customerScore())
        .put("notes", r.notes());
  }

  private static JsonObject evidence(String text) {
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject().put("raw", text);
    }
  }

  public static JsonArray orders(List<StoredWorkOrder> orders, ApiUser viewer) {
    JsonArray array = new JsonArray();
    orders.forEach(o -> array.add(order(o, viewer, false)));
    return array;
  }

  public static JsonObject detail(OrderDetail d, ApiUser viewer) {
    return order(d.order(), viewer, true).put("history", history(d.history()));
  }

  public static JsonArray history(List<AuditEntry> entries) {
    JsonArray array = new JsonArray();
    for (AuditEntry e : entries) {
      array.add(
          new JsonObject()
              .put("orderId", e.orderId().toString())
              .put("at", text(e.at()))
              .put("actor", e.actor())
              .put("actorRole", e.actorRole())
              .put("action", e.action())
              .put("fromStatus", e.fromStatus() == null ? null : e.fromStatus().name())
              .put("toStatus", e.toStatus() == null ? null : e.toStatus().name())
              .put("detail", evidence(e.detailJson())));
    }
    return array;
  }

  /**
   * The health record: the vehicle's orders, its timeline, and per signal the merged measured
   * series of all its orders' evidence with the newest forecast.
   */
  public static JsonObject health(VehicleHealth h, ApiUser viewer) {
    boolean masked = viewer.role().seesMaskedPersonalData();
    Map<String, JsonObject> signals = new LinkedHashMap<>();
    Map<String, TreeMap<Long, Double>> points = new LinkedHashMap<>();
    // oldest order first, so the newest order's forecast and threshold win
    for (StoredWorkOrder s : h.orders().reversed()) {
      JsonObject ev = evidence(s.order().evidenceJson());
      String signal = ev.getValue("signal") instanceof String t ? t : null;
      if (signal == null) {
        continue;
      }
      JsonObject entry = signals.computeIfAbsent(signal, k -> new JsonObject().put("signal", k));
      entry
          .put("unit", ev.getValue("unit"))
          .put("threshold", ev.getValue("threshold"))
          .put("forecast", ev.getValue("forecast"))
          .put("forecastOrderId", s.order().id().toString())
          .put("type", s.order().type().code());
      TreeMap<Long, Double> series = points.computeIfAbsent(signal, k -> new TreeMap<>());
      if (ev.getValue("series") instanceof JsonArray arr) {
        for (Object p : arr) {
          if (p instanceof JsonObject point
              && point.getValue("ts") instanceof Number ts
              && point.getValue("value") instanceof Number v) {
            series.put(ts.longValue(), v.doubleValue());
          }
        }
      }
    }
    JsonArray signalArray = new JsonArray();
    signals.forEach(
        (name, entry) -> {
          JsonArray series = new JsonArray();
          points
              .get(name)
              .forEach((ts, v) -> series.add(new JsonObject().put("ts", ts).put("value", v)));
          signalArray.add(entry.put("series", series));
        });
    return new JsonObject()
        .put("vin", masked ? Masking.vin(h.vin()) : h.vin())
        .put("orders", orders(h.orders(), viewer))
        .put("signals", signalArray)
        .put("timeline", history(h.timeline()));
  }

  public static JsonArray outcomes(List<OutcomeStats> stats) {
    JsonArray array = new JsonArray();
    for (OutcomeStats s : stats) {
      array.add(
          new JsonObject()
              .put("type", s.type())
              .put("ordered", s.ordered())
              .put("acknowledged", s.acknowledged())
              .put("scheduled", s.scheduled())
              .put("done", s.done())
              .put("dismissed", s.dismissed())
              .put("falseAlarms", s.falseAlarms())
              .put("scheduledRate", s.scheduledRate())
              .put("doneRate", s.doneRate())
              .put("falseAlarmRate", s.falseAlarmRate())
              .put("meanSecondsToAcknowledge", s.meanSecondsToAcknowledge())
              .put("scoreResponses", s.scoreResponses())
              .put("meanScore", s.meanScore())
              .put("nps", s.nps()));
    }
    return array;
  }

  public static JsonObject user(ApiUser u) {
    return new JsonObject()
        .put("username", u.username())
        .put("displayName", u.displayName())
        .put("role", u.role().name())
        .put("dealerId", u.dealerId());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static String text(Instant value) {
    return Objects.toString(value, null);
  }
}
