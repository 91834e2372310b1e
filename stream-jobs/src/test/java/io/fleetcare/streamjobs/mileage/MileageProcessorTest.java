package io.fleetcare.streamjobs.mileage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.streamjobs.TestMessages;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.trip.StateSizes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MileageProcessorTest {
  static final String VIN = TestMessages.VIN;
  static final long T0 = TestMessages.T0.toEpochMilli();
  static final long DAY_MS = 86_400_000L;

  private final MileageProcessor processor = new MileageProcessor(MileageOptions.defaults());
  private final MileageState state = new MileageState();
  private final List<SignalPoint> out = new ArrayList<>();

  static Trip trip(int day, double km) {
    long start = T0 + day * DAY_MS;
    return new Trip(VIN, start, start + 1_800_000, km, 3, 0.1, 1, 0.2, 0, 10);
  }

  private List<Double> values(String name) {
    return out.stream().filter(p -> p.name().equals(name)).map(SignalPoint::value).toList();
  }

  @Test
  void kmPerDayAndDaysToTheNextMilestoneFromTheOdometer() {
    // 50 km a day on days 0–5 and 8–9 (none on days 6 and 7): 400 km in 10 days.
    for (int day : new int[] {0, 1, 2, 3, 4, 5, 8}) {
      processor.onTrip(state, trip(day, 50), out::add);
    }
    // Before 7 days of history only the odometer could be emitted, and it is not known yet.
    assertThat(values(SignalNames.KM_PER_DAY)).hasSize(1); // day 8: 9 days of history
    assertThat(values(SignalNames.KM_PER_DAY).getFirst()).isCloseTo(350 / 9.0, within(1e-9));
    out.clear();
    processor.onOdometer(state, T0 + 9 * DAY_MS - 1, 19_700);
    processor.onTrip(state, trip(9, 50), out::add);
    assertThat(values(SignalNames.ODOMETER_KM)).containsExactly(19_700.0);
    assertThat(values(SignalNames.KM_PER_DAY).getFirst()).isCloseTo(40, within(1e-9));
    // 300 km to 20,000 at 40 km/day.
    assertThat(values(SignalNames.DAYS_TO_NEXT_SERVICE).getFirst()).isCloseTo(7.5, within(1e-9));
    assertThat(out.getFirst().tsMs()).isEqualTo(T0 + 9 * DAY_MS + 1_800_000);
  }

  @Test
  void theWindowIsThirtyDaysAndEmissionIsDaily() {
    for (int day = 0; day < 40; day++) {
      processor.onTrip(state, trip(day, day < 10 ? 100 : 20), out::add);
    }
    // A second trip the same day adds distance but does not emit again.
    int before = out.size();
    processor.onTrip(state, trip(39, 30), out::add);
    assertThat(out).hasSize(before);
    // Days 10–39: 30 × 20 km + 30 km.
    assertThat(processor.kmPerDay(state)).isCloseTo(630 / 30.0, within(1e-4));
  }

  @Test
  void withoutAnOdometerTheDealersReadingAnchorsTheMilestone() {
    for (int day = 0; day < 7; day++) {
      processor.onTrip(state, trip(day, 30), out::add);
    }
    assertThat(values(SignalNames.ODOMETER_KM)).isEmpty();
    assertThat(values(SignalNames.DAYS_TO_NEXT_SERVICE)).isEmpty();
    assertThat(values(SignalNames.KM_PER_DAY)).containsExactly(30.0);

    processor.onService(state, T0 + 7 * DAY_MS, 29_850);
    out.clear();
    processor.onTrip(state, trip(7, 30), out::add);
    assertThat(values(SignalNames.ODOMETER_KM)).containsExactly(29_880.0);
    // 120 km to 30,000 at 30 km/day.
    assertThat(values(SignalNames.DAYS_TO_NEXT_SERVICE).getFirst()).isCloseTo(4, within(1e-9));
  }

  @Test
  void stateIsACompactPojo() throws Exception {
    assertThat(StateSizes.isPojo(MileageState.class)).isTrue();
    processor.onTrip(state, trip(0, 30), out::add);
    assertThat(StateSizes.serializedBytes(state)).isLessThan(250);
  }
}
