package io.fleetcare.streamjobs.planner;

import static io.fleetcare.streamjobs.planner.PlannerFixtures.VIN;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.at;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterimRuleForecasterTest {
  private final InterimRuleForecaster forecaster =
      new InterimRuleForecaster(InterimForecastOptions.defaults());
  private final Map<String, InterimSeriesState> map = new HashMap<>();
  private final KeyedStore<InterimSeriesState> series = KeyedStore.of(map);

  private Optional<ComponentForecast> point(int day, String name, double value) throws Exception {
    return forecaster.onSignal(series, new SignalPoint(VIN, at(day), name, value));
  }

  @Test
  void projectsALinearTrendToTheThreshold() throws Exception {
    String wheel = SignalNames.BRAKE_PAD_WEAR_PCT + ".Row1.Left";
    assertThat(point(0, wheel, 80)).isEmpty();
    assertThat(point(1, wheel, 81)).isEmpty();
    assertThat(point(2, wheel, 82)).as("fewer than minPoints").isEmpty();
    ComponentForecast f = point(3, wheel, 83).orElseThrow();
    assertThat(f.component()).isEqualTo(WorkOrderType.BRAKE_PADS);
    assertThat(f.tsMs()).isEqualTo(at(3));
    assertThat(f.predictedDate()).as("17 % left at 1 %/day").isEqualTo(day(20));
    assertThat(f.probabilityWithin15Days()).isZero();
    assertThat(f.modelVersion()).isEqualTo(InterimRuleForecaster.MODEL_VERSION);
    assertThat(f.evidenceJson()).contains("\"threshold\":100.0").contains("\"series\":[");
    ComponentForecast later = point(9, wheel, 89).orElseThrow();
    assertThat(later.predictedDate()).isEqualTo(day(20));
    assertThat(later.probabilityWithin15Days()).isEqualTo(1.0);
  }

  @Test
  void aValueBeyondTheThresholdIsACrossingToday() throws Exception {
    String v = SignalNames.BATTERY_CRANKING_MIN_V;
    point(0, v, 10.4);
    point(1, v, 10.3);
    point(2, v, 10.2);
    ComponentForecast f = point(3, v, 9.5).orElseThrow();
    assertThat(f.component()).isEqualTo(WorkOrderType.BATTERY_12V);
    assertThat(f.predictedDate()).isEqualTo(day(3));
    assertThat(f.probabilityWithin15Days()).isEqualTo(1.0);
  }

  @Test
  void aServiceJumpRestartsTheSeries() throws Exception {
    String v = SignalNames.TYRE_TREAD_MM + ".Row2.Right";
    for (int d = 0; d < 5; d++) {
      point(d, v, 3.6 - 0.1 * d);
    }
    assertThat(point(5, v, 8.0)).as("new tyre: history dropped").isEmpty();
    assertThat(map.get(v).count).isEqualTo(1);
  }

  @Test
  void pressureIsMeasuredAgainstItsOwnMaximumAndTheWorstWheelWins() throws Exception {
    String leaking = SignalNames.TYRE_PRESSURE_KPA + ".Row1.Left";
    String fine = SignalNames.TYRE_PRESSURE_KPA + ".Row1.Right";
    for (int d = 0; d < 5; d++) {
      point(d, fine, 240);
      point(d, leaking, 240 - 5 * d);
    }
    // 220 kPa now, 5 kPa/day down to 180 (75 % of 240): 8 days.
    ComponentForecast f = point(5, fine, 240).orElseThrow();
    assertThat(f.component()).isEqualTo(WorkOrderType.TYRES);
    assertThat(f.evidenceJson()).contains(leaking);
    assertThat(f.predictedDate()).isEqualTo(day(12));
  }

  @Test
  void mileageUsesTheDaysToTheNextMilestone() throws Exception {
    ComponentForecast f = point(0, SignalNames.DAYS_TO_NEXT_SERVICE, 12.4).orElseThrow();
    assertThat(f.component()).isEqualTo(WorkOrderType.MILEAGE_SERVICE);
    assertThat(f.predictedDate()).isEqualTo(day(12));
    assertThat(f.probabilityWithin15Days()).isGreaterThan(0.5);
    assertThat(point(0, SignalNames.KM_PER_DAY, 40)).as("not a forecast input").isEmpty();
  }

  private Optional<ComponentForecast> pointAt(long tsMs, String name, double value)
      throws Exception {
    return forecaster.onSignal(series, new SignalPoint(VIN, tsMs, name, value));
  }

  /**
   * The demo's NullPointerException: a wheel's series was fitted once (its probability stored),
   * then ten values within a few hours filled its window, so the window spans less than minSpan (2
   * days) and the series cannot be fitted. Its stored projection stayed behind, so when another
   * wheel of the same component reported, the stale wheel still won as "worst", its refit returned
   * null and building the forecast dereferenced it.
   */
  @Test
  void aSeriesThatCanNoLongerBeFittedDropsItsOldProjection() throws Exception {
    String worn = SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT + ".Row1.Left";
    String fresh = SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT + ".Row2.Left";
    for (int d = 0; d < 4; d++) {
      point(d, worn, 80 + 2 * d);
      point(d, fresh, 10 + 0.1 * d);
    }
    // 86 % at 2 %/day: 14 % left in 7 days, certain within the 15-day horizon.
    assertThat(map.get(worn).probability).isEqualTo(1.0);
    // Ten readings an hour apart on day 4: the window (10 values) spans 9 h < 2 days.
    Optional<ComponentForecast> last = Optional.empty();
    for (int h = 0; h < 10; h++) {
      last = pointAt(at(4) + h * 3_600_000L, worn, 86.1 + 0.01 * h);
    }
    assertThat(last).as("not enough span to fit").isEmpty();
    assertThat(map.get(worn).probability).as("no projection kept").isNegative();
    // The other wheel reports: its own forecast, no failure.
    ComponentForecast f = pointAt(at(4) + 10 * 3_600_000L, fresh, 10.4).orElseThrow();
    assertThat(f.evidenceJson()).contains(fresh).doesNotContain(worn);
    assertThat(f.probabilityWithin15Days()).isZero();
  }

  /**
   * A healthy 12 V battery cranks lower on cold mornings than in the afternoon (here 10.1 V at
   * 07:00 and 10.5 V at 15:00 every day): weather, not wear. The day's worst start stands for the
   * day, so the series is flat and no crossing is projected. Without it the swing from an afternoon
   * to the next morning (-0.4 V in 16 h) looked like a steep fall towards 9.6 V.
   */
  @Test
  void twelveVoltCrankingIsTrendedOnEachDaysWorstStart() throws Exception {
    String v = SignalNames.BATTERY_CRANKING_MIN_V;
    Optional<ComponentForecast> last = Optional.empty();
    for (int d = 0; d < 10; d++) {
      last = pointAt(at(d) - 3_600_000L, v, 10.1); // 07:00 (day 0 starts at 08:00)
      last = pointAt(at(d) + 7 * 3_600_000L, v, 10.5); // 15:00
    }
    assertThat(map.get(v).count).as("one value per day").isEqualTo(10);
    ComponentForecast f = last.orElseThrow();
    assertThat(f.predictedDate()).as("flat at 10.1 V: no crossing in sight").isNull();
    assertThat(f.probabilityWithin15Days()).isZero();
  }

  @Test
  void anAgeingTwelveVoltBatteryIsStillForecast() throws Exception {
    String v = SignalNames.BATTERY_CRANKING_MIN_V;
    Optional<ComponentForecast> last = Optional.empty();
    for (int d = 0; d < 10; d++) {
      // The day's worst start loses 0.05 V a day; the afternoon start is 0.4 V better.
      last = pointAt(at(d) - 3_600_000L, v, 10.3 - 0.05 * d);
      last = pointAt(at(d) + 7 * 3_600_000L, v, 10.7 - 0.05 * d);
    }
    ComponentForecast f = last.orElseThrow();
    // Day 9: 9.85 V, 0.25 V above 9.6 at 0.05 V/day: 5 days, day 14 (07:00 + 5 d is on day 14).
    assertThat(f.predictedDate()).isEqualTo(day(14));
    assertThat(f.probabilityWithin15Days()).isEqualTo(1.0);
  }
}
