package io.fleetcare.workorders.testing;

import io.fleetcare.core.workorder.GeoPoint;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Work orders for tests, with fixed times. */
public final class TestOrders {
  public static final Instant EVENT_TIME = Instant.parse("2026-11-20T08:00:00Z");
  public static final String PHONE = "+49 170 1234567";
  public static final GeoPoint LOCATION = new GeoPoint(48.137154, 11.576124);

  private TestOrders() {}

  /** VINs valid under ISO 3779 (no check digit needed outside North America). */
  public static String vin(int n) {
    return String.format("WVWZZZ1KZAW%06d", n);
  }

  public static WorkOrder order(
      String vin, String dealer, WorkOrderType type, Urgency urgency, LocalDate dueFrom) {
    return new WorkOrder(
        UUID.randomUUID(),
        vin,
        dealer,
        null,
        WorkOrderKind.MAINTENANCE,
        type,
        urgency,
        WorkOrderStatus.NEW,
        EVENT_TIME,
        dueFrom.plusDays(3),
        dueFrom,
        dueFrom.plusDays(8),
        0.87,
        """
        {"signal":"Vehicle.Chassis.Axle.Row1.Wheel.Left.Brake.PadWear","unit":"percent",
         "threshold":100,"summary":"pad wear 88 %",
         "series":[{"ts":1763625600000,"value":80.0},{"ts":1763712000000,"value":81.1}],
         "forecast":[{"ts":1763798400000,"value":82.2,"low":81.5,"high":83.0}]}
        """,
        "brake-v1",
        "BRAKE-FRONT-PADS",
        PHONE,
        LOCATION);
  }

  public static WorkOrder order(String vin, String dealer) {
    return order(
        vin, dealer, WorkOrderType.BRAKE_PADS, Urgency.NORMAL, LocalDate.parse("2026-11-27"));
  }
}
