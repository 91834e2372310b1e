package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RateLadderTest {
  /** Runs the ladder against a system that sustains what {@code sustains} accepts. */
  private static List<Double> run(RateLadder ladder, DoublePredicate sustains) {
    List<Double> offered = new ArrayList<>();
    for (OptionalDouble r = ladder.next(); r.isPresent(); r = ladder.next()) {
      offered.add(r.getAsDouble());
      ladder.record(r.getAsDouble(), sustains.test(r.getAsDouble()));
    }
    return offered;
  }

  @Test
  void stepsUpGeometricallyThenBisects() {
    RateLadder ladder = new RateLadder(1_000, 2, 100_000, 2, 20);
    List<Double> offered = run(ladder, r -> r <= 5_000);
    assertThat(offered).containsExactly(1_000.0, 2_000.0, 4_000.0, 8_000.0, 6_000.0, 5_000.0);
    assertThat(ladder.highestSustained()).isEqualTo(5_000);
  }

  @Test
  void stopsAtTheMaximumWhenEverythingIsSustained() {
    RateLadder ladder = new RateLadder(1_000, 2, 5_000, 2, 20);
    assertThat(run(ladder, r -> true)).containsExactly(1_000.0, 2_000.0, 4_000.0, 5_000.0);
    assertThat(ladder.highestSustained()).isEqualTo(5_000);
  }

  @Test
  void aFailedFirstStepStepsDownByHalvingThenBisects() {
    // The quiet-machine run of 2026-11-23: 1,000 msgs/s failed and the headline said 0.
    RateLadder ladder = new RateLadder(1_000, 2, 100_000, 125, 1, 20);
    assertThat(run(ladder, r -> r <= 700)).containsExactly(1_000.0, 500.0, 750.0);
    assertThat(ladder.highestSustained()).isEqualTo(500);
  }

  @Test
  void stepsDownSeveralTimesAndRoundsToFiveMessages() {
    RateLadder ladder = new RateLadder(1_000, 2, 100_000, 125, 2, 20);
    assertThat(run(ladder, r -> r <= 200))
        .containsExactly(1_000.0, 500.0, 250.0, 125.0, 190.0, 220.0);
    assertThat(ladder.highestSustained()).isEqualTo(190);
  }

  @Test
  void stepsDownNoFurtherThanTheFloor() {
    RateLadder ladder = new RateLadder(1_000, 2, 100_000, 300, 2, 20);
    assertThat(run(ladder, r -> false)).containsExactly(1_000.0, 500.0, 300.0);
    assertThat(ladder.highestSustained()).isZero();
  }

  @Test
  void aFloorAtTheStartNeverStepsDown() {
    RateLadder ladder = new RateLadder(1_000, 2, 100_000, 1_000, 2, 20);
    assertThat(run(ladder, r -> false)).containsExactly(1_000.0);
    assertThat(ladder.highestSustained()).isZero();
  }

  @Test
  void theDefaultFloorIsAnEighthOfTheStart() {
    RateLadder ladder = new RateLadder(1_000, 2, 100_000, 0, 20);
    assertThat(run(ladder, r -> false)).containsExactly(1_000.0, 500.0, 250.0, 125.0);
  }

  @Test
  void neverTakesMoreThanMaxSteps() {
    RateLadder ladder = new RateLadder(1_000, 1.5, 1e9, 3, 4);
    assertThat(run(ladder, r -> true)).hasSize(4);
  }

  @Test
  void rejectsALadderThatDoesNotClimb() {
    assertThatThrownBy(() -> new RateLadder(1_000, 1, 2_000, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAFloorAboveTheStart() {
    assertThatThrownBy(() -> new RateLadder(1_000, 2, 2_000, 2_000, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
