package io.fleetcare.streamjobs.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.streamjobs.TestMessages;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import io.fleetcare.streamjobs.trip.StateSizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageProfileProcessorTest {
  static final String VIN = TestMessages.VIN;

  /** T0 is Monday 2026-03-02 07:30 UTC. */
  static final long T0 = TestMessages.T0.toEpochMilli();

  static final long DAY_MS = 86_400_000L;

  private final UsageProfileProcessor processor =
      new UsageProfileProcessor(new UsageOptions(10, 7, Duration.ofMillis(1), Duration.ofDays(60)));
  private final UsageState state = new UsageState();
  private final List<UsageProfileSnapshot> out = new ArrayList<>();

  static Trip trip(long startMs, double km, double highway, double night) {
    return new Trip(VIN, startMs, startMs + 1_800_000, km, 1, 0.1, 1, highway, night, 10);
  }

  /** Two weeks: two 15 km trips each working day, one 5 km trip each weekend day. */
  private void twoCommuteWeeks() {
    for (int day = 0; day < 14; day++) {
      long d = T0 + day * DAY_MS;
      if (day % 7 < 5) {
        processor.onTrip(state, trip(d, 15, 0.2, day == 3 ? 1 : 0), out::add);
        processor.onTrip(state, trip(d + 10 * 3_600_000L, 15, 0.2, 0), out::add);
      } else {
        processor.onTrip(state, trip(d + 3 * 3_600_000L, 5, 0, 0), out::add);
      }
    }
  }

  @Test
  void handComputedSnapshotOfACommuter() {
    twoCommuteWeeks();
    UsageProfileSnapshot s = out.getLast();
    assertThat(s.vin()).isEqualTo(VIN);
    assertThat(s.tsMs()).isEqualTo(T0 + 13 * DAY_MS + 3 * 3_600_000L + 1_800_000);
    assertThat(s.trips()).isEqualTo(24);
    assertThat(s.shortTripShare()).isCloseTo(4 / 24.0, within(1e-9));
    assertThat(s.commuteKm()).isCloseTo(30, within(1e-9));
    assertThat(s.kmPerDay()).isCloseTo(320 / 14.0, within(1e-5));
    assertThat(s.highwayShare()).isCloseTo(60 / 320.0, within(1e-6));
    assertThat(s.nightShare()).isCloseTo(1 / 24.0, within(1e-6));
    assertThat(s.scenario()).isEqualTo("commute");
    // The first snapshot waits for 10 trips and 7 days: the first trip of day 6 (Sunday).
    assertThat(out.getFirst().trips()).isEqualTo(12);
  }

  @Test
  void theWindowForgetsTripsOlderThanTwentyEightDays() {
    twoCommuteWeeks();
    // Four weeks later a single 40 km trip: the commute weeks have left the window.
    processor.onTrip(state, trip(T0 + 41 * DAY_MS, 40, 0, 0), out::add);
    UsageFigures f = UsageProfileProcessor.figures(state);
    assertThat(f.days()).isEqualTo(28);
    assertThat(f.trips()).isEqualTo(1);
    assertThat(f.kmPerDay()).isCloseTo(40 / 28.0, within(1e-6));
  }

  @Test
  void theScenarioRuleInOrder() {
    assertThat(scenario(10, 0.7, 0.1, 2, 1)).isEqualTo("ride-hailing");
    assertThat(scenario(3, 0.6, 0.1, 3, 3)).isEqualTo("family");
    assertThat(scenario(3, 0.2, 0.45, 3, 0.5)).isEqualTo("business");
    assertThat(scenario(1.5, 0.2, 0.1, 1.4, 1.5)).isEqualTo("off-road");
    assertThat(scenario(2.2, 0.2, 0.2, 2.3, 1.0)).isEqualTo("commute");
    // A window without a weekend day cannot tell off-road from commute: commute.
    assertThat(scenario(1.5, 0.2, 0.1, 1.4, Double.NaN)).isEqualTo("commute");
  }

  private static String scenario(
      double tripsPerActiveDay,
      double shortShare,
      double highwayShare,
      double weekdayTrips,
      double weekendTrips) {
    int activeDays = 10;
    return UsageProfileProcessor.scenario(
        new UsageFigures(
            14,
            (int) Math.round(tripsPerActiveDay * activeDays),
            activeDays,
            shortShare,
            15,
            30,
            40,
            highwayShare,
            0,
            weekdayTrips,
            weekendTrips));
  }

  @Test
  void stateIsACompactPojo() throws Exception {
    assertThat(StateSizes.isPojo(UsageState.class)).isTrue();
    twoCommuteWeeks();
    assertThat(StateSizes.serializedBytes(state)).isLessThan(800);
  }
}
