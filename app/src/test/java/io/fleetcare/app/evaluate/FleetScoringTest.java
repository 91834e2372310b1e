package io.fleetcare.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.GroundTruthCrossing;
import io.fleetcare.predictors.evaluation.PredictedOrder;
import io.fleetcare.predictors.evaluation.Scorecard;
import io.fleetcare.predictors.evaluation.ScorecardEvaluator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FleetScoringTest {
  private static final String VIN = "1HGCM82633A004352";
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static WorkOrder order(
      UUID id, WorkOrderKind kind, WorkOrderType type, Instant createdAt, String predicted) {
    LocalDate today = LocalDate.parse(createdAt.toString().substring(0, 10));
    return new WorkOrder(
        id,
        VIN,
        "D001",
        null,
        kind,
        type,
        Urgency.NORMAL,
        null,
        createdAt,
        LocalDate.parse(predicted),
        today.plusDays(7),
        today.plusDays(15),
        0.8,
        "{}",
        "test",
        null,
        null,
        null);
  }

  /**
   * The planner re-sends an order under the same id when its date moves: the advisor had it since
   * the first sending, so that one decides the lead. Care and fault orders are not scored here.
   */
  @Test
  void anUpdatedOrderCountsOnceFromItsFirstSendingAndCareIsLeftOut() {
    UUID id = UUID.randomUUID();
    List<WorkOrder> sent =
        List.of(
            order(
                id,
                WorkOrderKind.MAINTENANCE,
                WorkOrderType.BATTERY_12V,
                T0.plusSeconds(86_400 * 4),
                "2026-03-15"),
            order(id, WorkOrderKind.MAINTENANCE, WorkOrderType.BATTERY_12V, T0, "2026-03-14"),
            order(
                UUID.randomUUID(),
                WorkOrderKind.CARE,
                WorkOrderType.CARE_LONG_DISTANCE,
                T0,
                "2026-03-10"));

    List<PredictedOrder> orders = FleetScoring.orders(sent);

    assertThat(orders)
        .containsExactly(
            new PredictedOrder(
                VIN,
                "BATTERY_12V",
                T0,
                LocalDate.parse("2026-03-14"),
                LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-03-17")));

    // Crossing on 2026-03-16, 14 days after the first sending: on time, predicted 2 days early (the
    // update, 10 days ahead, is the same order and must not count as a second one).
    GroundTruth truth =
        new GroundTruth(
            List.of(new GroundTruthCrossing(VIN, "BATTERY_12V", T0.plusSeconds(86_400 * 14))),
            List.of(),
            T0.minusSeconds(86_400 * 30),
            T0.plusSeconds(86_400 * 60));
    Scorecard card =
        new ScorecardEvaluator(FleetScoring.options(truth)).score("job", truth, orders);
    assertThat(card.overall().onTime()).isEqualTo(1);
    assertThat(card.overall().orders()).isEqualTo(1);
    assertThat(card.overall().duplicates()).isZero();
    assertThat(card.overall().medianDateErrorDays()).isEqualTo(2.0);
  }
}
