package io.fleetcare.workorders.demo;

import io.fleetcare.core.workorder.GeoPoint;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Plausible orders with the evidence the planner will produce (measured series, forecast with an
 * interval, threshold), for the demo while the planner is not wired yet, and for tests of the page.
 */
public final class SampleOrders {
  private record Component(
      WorkOrderType type,
      String signal,
      String unit,
      double threshold,
      double start,
      double perDay,
      String servicePackage) {}

  private static final List<Component> COMPONENTS =
      List.of(
          new Component(
              WorkOrderType.BRAKE_PADS,
              "Vehicle.Chassis.Axle.Row1.Wheel.Left.Brake.PadWear",
              "percent",
              100,
              62,
              1.1,
              "BRAKE-FRONT-PADS"),
          new Component(
              WorkOrderType.BATTERY_12V,
              "Fleetcare.Battery12V.CrankingMinVoltage",
              "V",
              9.6,
              10.6,
              -0.025,
              "BATTERY-12V-REPLACE"),
          new Component(
              WorkOrderType.TYRES,
              "Fleetcare.Tire.Row1.Left.TreadDepth",
              "mm",
              3.0,
              4.4,
              -0.035,
              "TYRES-FRONT-PAIR"),
          new Component(
              WorkOrderType.ENGINE_DEPOSITS,
              "Fleetcare.Fuel.NormalisedConsumptionDelta",
              "percent",
              15,
              6,
              0.22,
              "ENGINE-CLEAN-INJECTORS"));

  private SampleOrders() {}

  /** A predicted-maintenance order created at {@code eventTime}, due 7–15 days later. */
  public static WorkOrder predicted(Random random, String vin, String dealerId, Instant eventTime) {
    Component c = COMPONENTS.get(random.nextInt(COMPONENTS.size()));
    double daysToCrossing = 8 + random.nextInt(6) + random.nextDouble();
    boolean urgent = random.nextInt(6) == 0;
    if (urgent) {
      daysToCrossing = 2 + random.nextDouble() * 3;
    }
    // the series ends where it would cross the threshold after daysToCrossing
    double now = c.threshold() - c.perDay() * daysToCrossing;
    long end = eventTime.toEpochMilli();
    long day = Duration.ofDays(1).toMillis();
    JsonArray series = new JsonArray();
    for (int d = 30; d >= 0; d--) {
      double noise = (random.nextDouble() - 0.5) * Math.abs(c.perDay()) * 1.5;
      series.add(point(end - d * day, now - c.perDay() * d + noise));
    }
    JsonArray forecast = new JsonArray();
    for (int d = 1; d <= (int) Math.ceil(daysToCrossing) + 4; d++) {
      double value = now + c.perDay() * d;
      double spread = Math.abs(c.perDay()) * (0.6 + 0.12 * d) * Math.sqrt(d);
      forecast.add(
          point(end + d * day, value)
              .put("low", round(value - spread))
              .put("high", round(value + spread)));
    }
    LocalDate today = eventTime.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate predicted = today.plusDays(Math.round(daysToCrossing));
    LocalDate dueFrom = urgent ? today : today.plusDays(7);
    LocalDate dueTo = urgent ? today.plusDays(3) : today.plusDays(15);
    JsonObject evidence =
        new JsonObject()
            .put("signal", c.signal())
            .put("unit", c.unit())
            .put("threshold", c.threshold())
            .put("current", round(now))
            .put("trendPerDay", c.perDay())
            .put(
                "summary",
                String.format(
                    Locale.ROOT,
                    "%s at %.1f %s, %s %.2f %s/day; crosses %.1f in about %.0f days",
                    c.signal().substring(c.signal().lastIndexOf('.') + 1),
                    now,
                    c.unit(),
                    c.perDay() > 0 ? "rising" : "falling",
                    Math.abs(c.perDay()),
                    c.unit(),
                    c.threshold(),
                    daysToCrossing))
            .put(
                "interval",
                new JsonObject()
                    .put("level", 0.8)
                    .put("from", predicted.minusDays(2).toString())
                    .put("to", predicted.plusDays(3).toString()))
            .put("series", series)
            .put("forecast", forecast);
    UUID id = WorkOrder.planId(vin, c.type(), dueFrom);
    return new WorkOrder(
        id,
        vin,
        dealerId,
        null,
        WorkOrderKind.MAINTENANCE,
        c.type(),
        urgent ? Urgency.URGENT : Urgency.NORMAL,
        WorkOrderStatus.NEW,
        eventTime,
        predicted,
        dueFrom,
        dueTo,
        round(0.7 + random.nextDouble() * 0.28),
        evidence.encode(),
        "sample-1",
        c.servicePackage(),
        String.format(Locale.ROOT, "+49 170 %07d", random.nextInt(10_000_000)),
        new GeoPoint(48.1 + random.nextDouble() * 0.4, 11.4 + random.nextDouble() * 0.4));
  }

  private static JsonObject point(long ts, double value) {
    return new JsonObject().put("ts", ts).put("value", round(value));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
