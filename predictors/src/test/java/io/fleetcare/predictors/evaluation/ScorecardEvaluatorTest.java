package io.fleetcare.predictors.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardEvaluatorTest {
  private static final String VIN = "1FCAA11T5B0000001";
  private static final String PADS = "BRAKE_PADS";
  private static final Instant CROSSING = Instant.parse("2026-03-20T08:00:00Z");
  private final ScorecardEvaluator evaluator = new ScorecardEvaluator(EvaluationOptions.DEFAULTS);

  private static PredictedOrder orderDaysBefore(double days, Instant crossing) {
    Instant created = crossing.minus(Duration.ofMillis(Math.round(days * 86_400_000)));
    LocalDate today = LocalDate.ofInstant(created, ZoneOffset.UTC);
    return new PredictedOrder(
        VIN,
        PADS,
        created,
        LocalDate.ofInstant(crossing, ZoneOffset.UTC),
        today.plusDays(7),
        today.plusDays(15));
  }

  private static GroundTruth truth(
      List<GroundTruthCrossing> crossings, List<ServiceEvent> services) {
    return new GroundTruth(crossings, services, null, null);
  }

  private ComponentScore pads(GroundTruth truth, List<PredictedOrder> orders) {
    return evaluator.score("t", truth, orders).components().get(PADS);
  }

  @Test
  void anOrderTenDaysAheadCounts() {
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(10, CROSSING)));
    assertThat(s.onTime()).isEqualTo(1);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.medianDateErrorDays()).isEqualTo(0.0);
  }

  @Test
  void anOrderThreeDaysAheadIsLate() {
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(3, CROSSING)));
    assertThat(s.late()).isEqualTo(1);
    assertThat(s.onTime()).isZero();
    assertThat(s.recall()).isEqualTo(0.0);
    // It was still followed by a real crossing: not a false alarm.
    assertThat(s.precision()).isEqualTo(1.0);
  }

  @Test
  void anOrderWithoutCrossingIsAFalseAlarm() {
    ComponentScore s = pads(truth(List.of(), List.of()), List.of(orderDaysBefore(10, CROSSING)));
    assertThat(s.falseAlarms()).isEqualTo(1);
    assertThat(s.precision()).isEqualTo(0.0);
    assertThat(s.recall()).isNaN();
  }

  @Test
  void aCrossingWithoutOrderIsMissed() {
    ComponentScore s =
        pads(truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()), List.of());
    assertThat(s.missed()).isEqualTo(1);
    assertThat(s.recall()).isEqualTo(0.0);
    assertThat(s.precision()).isNaN();
  }

  @Test
  void anOrderMoreThanFifteenDaysAheadIsEarlyButTrueWithinTolerance() {
    // 17 days ahead: due window ends 15 days out, plus 3 days tolerance covers it.
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(17, CROSSING)));
    assertThat(s.early()).isEqualTo(1);
    assertThat(s.precision()).isEqualTo(1.0);
  }

  @Test
  void anOrderFarTooEarlyIsAFalseAlarmAndTheCrossingMissed() {
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(40, CROSSING)));
    assertThat(s.falseAlarms()).isEqualTo(1);
    assertThat(s.missed()).isEqualTo(1);
  }

  @Test
  void boundariesSevenAndFifteenDaysAreOnTime() {
    for (double days : new double[] {7.0, 15.0}) {
      ComponentScore s =
          pads(
              truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
              List.of(orderDaysBefore(days, CROSSING)));
      assertThat(s.onTime()).as("lead %s days", days).isEqualTo(1);
    }
    ComponentScore justLate =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(6.999, CROSSING)));
    assertThat(justLate.late()).isEqualTo(1);
    ComponentScore justEarly =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(15.001, CROSSING)));
    assertThat(justEarly.early()).isEqualTo(1);
  }

  @Test
  void twoOrdersForOneCrossingCountOnceWithOneDuplicate() {
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(12, CROSSING), orderDaysBefore(9, CROSSING)));
    assertThat(s.onTime()).isEqualTo(1);
    assertThat(s.truePositives()).isEqualTo(1);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.orders()).isEqualTo(2);
    assertThat(s.precision()).isEqualTo(1.0);
  }

  @Test
  void anEarlyThenOnTimeOrderIsOnTime() {
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(17, CROSSING), orderDaysBefore(10, CROSSING)));
    assertThat(s.onTime()).isEqualTo(1);
  }

  @Test
  void overlappingOrdersWithoutCrossingAreOneFalseAlarm() {
    Instant nothing = Instant.parse("2026-06-01T00:00:00Z");
    ComponentScore s =
        pads(
            truth(List.of(), List.of()),
            List.of(
                orderDaysBefore(10, nothing),
                orderDaysBefore(8, nothing),
                orderDaysBefore(-60, nothing)));
    assertThat(s.falseAlarms()).isEqualTo(2);
  }

  @Test
  void anOrderBeforeAServiceDoesNotCountForTheCrossingAfterIt() {
    // Order 10 days before the crossing, but the pads were replaced in between: the crossing
    // belongs to the new pads and the order was about the old ones.
    ServiceEvent service = new ServiceEvent(VIN, PADS, CROSSING.minus(Duration.ofDays(5)));
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of(service)),
            List.of(orderDaysBefore(10, CROSSING)));
    assertThat(s.missed()).isEqualTo(1);
    assertThat(s.falseAlarms()).isEqualTo(1);
  }

  @Test
  void anOrderAfterAnOpenCrossingIsLateNotAFalseAlarm() {
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(-1, CROSSING)));
    assertThat(s.late()).isEqualTo(1);
    assertThat(s.falseAlarms()).isZero();
  }

  @Test
  void anOrderAfterTheServicedCrossingIsAFalseAlarm() {
    ServiceEvent service = new ServiceEvent(VIN, PADS, CROSSING.plus(Duration.ofDays(2)));
    ComponentScore s =
        pads(
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of(service)),
            List.of(orderDaysBefore(-3, CROSSING)));
    assertThat(s.missed()).isEqualTo(1);
    assertThat(s.falseAlarms()).isEqualTo(1);
  }

  @Test
  void ordersRunningPastTheEvaluatedPeriodAreUnresolved() {
    Instant end = Instant.parse("2026-06-01T00:00:00Z");
    ScorecardEvaluator e = new ScorecardEvaluator(EvaluationOptions.DEFAULTS.withPeriod(null, end));
    ComponentScore s =
        e.score("t", truth(List.of(), List.of()), List.of(orderDaysBefore(5, end)))
            .components()
            .get(PADS);
    assertThat(s.unresolved()).isEqualTo(1);
    assertThat(s.falseAlarms()).isZero();
  }

  @Test
  void dateErrorsPoolIntoMedianAndP90() {
    List<GroundTruthCrossing> crossings = new java.util.ArrayList<>();
    List<PredictedOrder> orders = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String vin = "1FCAA11T5B000001" + i;
      crossings.add(new GroundTruthCrossing(vin, PADS, CROSSING));
      Instant created = CROSSING.minus(Duration.ofDays(10));
      LocalDate today = LocalDate.ofInstant(created, ZoneOffset.UTC);
      orders.add(
          new PredictedOrder(
              vin,
              PADS,
              created,
              LocalDate.ofInstant(CROSSING, ZoneOffset.UTC).plusDays(i),
              today.plusDays(7),
              today.plusDays(15)));
    }
    Scorecard card = evaluator.score("t", truth(crossings, List.of()), orders);
    assertThat(card.overall().medianDateErrorDays()).isCloseTo(4.5, within(1e-9));
    assertThat(card.overall().p90DateErrorDays()).isCloseTo(8.1, within(1e-9));
    assertThat(card.overall().recall()).isEqualTo(1.0);
  }

  @Test
  void jsonAndTableCarryTheIssueKeys() throws Exception {
    Scorecard card =
        evaluator.score(
            "model",
            truth(List.of(new GroundTruthCrossing(VIN, PADS, CROSSING)), List.of()),
            List.of(orderDaysBefore(10, CROSSING)));
    Scorecard base = evaluator.score("alarm", truth(List.of(), List.of()), List.of());
    String json = ScorecardFormat.json(card, java.util.Map.of("threshold_alarm", base));
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(tree.path("overall").path("recall").asDouble()).isEqualTo(1.0);
    assertThat(tree.path(PADS).has("median_date_error_days")).isTrue();
    assertThat(tree.path(PADS).has("p90_date_error_days")).isTrue();
    assertThat(tree.path("baselines").path("threshold_alarm").path("overall").has("precision"))
        .isTrue();
    assertThat(ScorecardFormat.table(List.of(card, base)))
        .contains("BRAKE_PADS")
        .contains("overall");
  }
}
