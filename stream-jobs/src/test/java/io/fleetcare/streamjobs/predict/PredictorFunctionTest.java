package io.fleetcare.streamjobs.predict;

import static io.fleetcare.streamjobs.battery.SignalFixtures.DAY_S;
import static io.fleetcare.streamjobs.battery.SignalFixtures.VIN;
import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class PredictorFunctionTest {
  private static final Duration IDLE = Duration.ofDays(60);

  /**
   * A 12 V battery whose cranking voltage falls 0.1 V a day from 11.0 V (one start a day at T0 + k
   * days, 2026-03-02 07:30 UTC). A day is forecast when the next day's first message arrives. The
   * trend prior trusts a slope from 5 points over 5 days, so days 0–4 foresee nothing; on day 5
   * (10.5 V, a perfect line) the 0.9 V left to 9.6 V take 9.0 days: 2026-03-07 + 9 d = 2026-03-16,
   * with no spread (interval collapses onto it, P(within 15 d) = 1).
   */
  @Test
  void forecastsEachFinishedDayWithTheTrendPriorAndForgetsAQuietVehicle() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, ComponentForecast> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new PredictorFunction(PredictorOptions.defaults("").withIdleTimeout(IDLE)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      for (int day = 0; day <= 6; day++) {
        harness.processElement(
            events(day + 1, new VehicleEvent.EngineStart(at(day * DAY_S), 11.0 - 0.1 * day)), 0);
      }

      List<ComponentForecast> out = harness.extractOutputValues();
      assertThat(out).hasSize(6);
      assertThat(out)
          .allSatisfy(
              f -> {
                assertThat(f.vin()).isEqualTo(VIN);
                assertThat(f.component()).isEqualTo(WorkOrderType.BATTERY_12V);
                assertThat(f.modelVersion()).isEqualTo(ForecastModels.TREND_PRIOR_VERSION);
              });
      assertThat(out)
          .extracting(ComponentForecast::tsMs)
          .containsExactly(
              at(0), at(DAY_S), at(2 * DAY_S), at(3 * DAY_S), at(4 * DAY_S), at(5 * DAY_S));
      assertThat(out.subList(0, 5)).allSatisfy(f -> assertThat(f.predictedDate()).isNull());
      assertThat(out.get(4).probabilityWithin15Days()).isZero();

      ComponentForecast day5 = out.get(5);
      assertThat(day5.predictedDate()).isEqualTo(LocalDate.parse("2026-03-16"));
      assertThat(day5.lowDate()).isEqualTo(LocalDate.parse("2026-03-16"));
      assertThat(day5.highDate()).isEqualTo(LocalDate.parse("2026-03-16"));
      assertThat(day5.probabilityWithin15Days()).isCloseTo(1.0, within(1e-6));
      assertThat(day5.evidenceJson())
          .contains("\"signal\":\"CRANKING_MIN_V\"", "\"threshold\":9.6", "\"medianDays\":9.0");

      // series + bookkeeping, one idle timer
      assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      harness.setProcessingTime(IDLE.toMillis() + 1);
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void aProfileOrAMessageOfTheSameDayForecastsNothing() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, ComponentForecast> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new PredictorFunction(PredictorOptions.defaults("")),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.processElement(events(1, new VehicleEvent.EngineStart(at(0), 12.0)), 0);
      harness.processElement(events(2, new VehicleEvent.EngineStart(at(3600), 11.9)), 0);
      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }
}
