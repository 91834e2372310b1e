package io.fleetcare.predictors.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.predictors.model.VehicleData;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossingVisibilityTest {
  private static final String SENSOR = "1FCAA11T5B0000001";
  private static final String BLIND = "1FCAA11T5B0000002";
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant CROSSING = T0.plus(Duration.ofDays(30));

  private static VehicleData vehicle(String vin, ConditionSeries... series) {
    return new VehicleData(VehicleContext.unknown(vin), List.of(series));
  }

  private static ConditionSeries series(String vin, Indicator indicator, Instant first) {
    return new ConditionSeries(
        vin,
        indicator,
        List.of(new ConditionPoint(first, 1), new ConditionPoint(first.plusSeconds(86_400), 2)));
  }

  private final CrossingVisibility visibility =
      new CrossingVisibility(
          List.of(
              vehicle(SENSOR, series(SENSOR, Indicator.PAD_WEAR_PERCENT, T0)),
              vehicle(
                  BLIND,
                  series(BLIND, Indicator.TYRE_PRESSURE_RATIO, T0),
                  // The odometer becomes known 25 days in (first service): 5 days before the
                  // crossing, too late for an order 7 days ahead.
                  series(BLIND, Indicator.ODOMETER_KM, T0.plus(Duration.ofDays(25))))));

  @Test
  void aCrossingIsVisibleWhenItsIndicatorWasReportedSevenDaysBefore() {
    assertThat(visibility.visible(new GroundTruthCrossing(SENSOR, "BRAKE_PADS", CROSSING)))
        .isTrue();
    assertThat(visibility.visible(new GroundTruthCrossing(BLIND, "BRAKE_PADS", CROSSING)))
        .isFalse();
    assertThat(visibility.visible(new GroundTruthCrossing(BLIND, "MILEAGE_SERVICE", CROSSING)))
        .isFalse();
    assertThat(
            visibility.visible(
                new GroundTruthCrossing(
                    BLIND, "MILEAGE_SERVICE", T0.plus(Duration.ofDays(32)), "")))
        .isTrue();
  }

  @Test
  void tyreCrossingsNeedTheIndicatorOfTheirThreshold() {
    assertThat(
            visibility.visible(
                new GroundTruthCrossing(BLIND, "TYRES", CROSSING, "pressure < 75 % of nominal")))
        .isTrue();
    assertThat(
            visibility.visible(new GroundTruthCrossing(BLIND, "TYRES", CROSSING, "tread < 3 mm")))
        .isFalse();
    // Without a description either tyre indicator will do.
    assertThat(visibility.visible(new GroundTruthCrossing(BLIND, "TYRES", CROSSING))).isTrue();
  }

  @Test
  void splitsRecallIntoVisibleAndHiddenCrossings() {
    GroundTruthCrossing seen = new GroundTruthCrossing(SENSOR, "BRAKE_PADS", CROSSING);
    GroundTruthCrossing unseen = new GroundTruthCrossing(BLIND, "BRAKE_PADS", CROSSING);
    LocalDate created = LocalDate.ofInstant(CROSSING.minus(Duration.ofDays(10)), ZoneOffset.UTC);
    PredictedOrder onTime =
        new PredictedOrder(
            SENSOR,
            "BRAKE_PADS",
            CROSSING.minus(Duration.ofDays(10)),
            LocalDate.ofInstant(CROSSING, ZoneOffset.UTC),
            created.plusDays(7),
            created.plusDays(15));
    Scorecard card =
        new ScorecardEvaluator(EvaluationOptions.DEFAULTS)
            .score(
                "t",
                new GroundTruth(List.of(seen, unseen), List.of(), null, null),
                List.of(onTime));

    List<CrossingVisibility.Split> rows = visibility.split(card);

    assertThat(rows).hasSize(2);
    CrossingVisibility.Split pads = rows.getFirst();
    assertThat(pads.component()).isEqualTo("BRAKE_PADS");
    assertThat(pads.visible()).isEqualTo(1);
    assertThat(pads.visibleOnTime()).isEqualTo(1);
    assertThat(pads.hidden()).isEqualTo(1);
    assertThat(pads.hiddenOnTime()).isZero();
    assertThat(pads.visibleRecall()).isEqualTo(1.0);
    // Recall over all crossings is 0.5 and cannot exceed it with the hidden one missed.
    assertThat(pads.recallCeiling()).isEqualTo(0.5);
    assertThat(rows.getLast().component()).isEqualTo("overall");
    assertThat(CrossingVisibility.table(rows)).contains("BRAKE_PADS").contains("0.500");
  }
}
