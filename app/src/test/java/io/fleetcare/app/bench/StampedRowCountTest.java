package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StampedRowCountTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-23T16:20:00Z");

  /** Stamps of stored rows, and the ranges the counter was asked for. */
  private final List<OffsetDateTime> stamps = new ArrayList<>();

  private final List<String> asked = new ArrayList<>();

  private final StampedRowCount count =
      new StampedRowCount(
          (from, to) -> {
            asked.add(seconds(from) + ".." + (to == null ? "now" : seconds(to)));
            return stamps.stream()
                .filter(t -> !t.isBefore(from) && (to == null || t.isBefore(to)))
                .count();
          },
          T0.minusDays(1));

  private static long seconds(OffsetDateTime t) {
    return Duration.between(T0, t).toSeconds();
  }

  /** {@code n} rows stamped evenly over {@code [from, from + seconds)}. */
  private void store(OffsetDateTime from, int seconds, int n) {
    for (int i = 0; i < n; i++) {
      stamps.add(from.plusNanos((long) i * seconds * 1_000_000_000L / n));
    }
  }

  @Test
  void countsRowsStampedBeforeEachInstantCumulatively() throws Exception {
    store(T0, 5, 5_000); // warm-up
    store(T0.plusSeconds(5), 15, 15_000); // window
    store(T0.plusSeconds(20), 1, 1_000); // drain
    assertThat(count.storedBefore(T0.plusSeconds(5))).isEqualTo(5_000);
    assertThat(count.storedBefore(T0.plusSeconds(20))).isEqualTo(20_000);
    assertThat(count.storedNow()).isEqualTo(21_000);
  }

  @Test
  void eachCallCountsOnlyTheRowsSinceTheLastInstant() throws Exception {
    store(T0, 30, 30);
    count.storedBefore(T0.plusSeconds(5));
    count.storedBefore(T0.plusSeconds(20));
    count.storedNow();
    assertThat(asked).containsExactly("-86400..5", "5..20", "20..now");
  }

  @Test
  void aStepThatKeepsUpIsSustainedWhateverTheStatisticsLagBehind() throws Exception {
    // 1,000 msgs/s for a 15 s window; each message's row is stored 300 ms after its publish (the
    // checkpoint and the sink flush), so the standing backlog is 300 messages.
    store(T0.plusNanos(300_000_000), 20, 20_000);
    long publishedAtOpen = 5_000;
    long publishedAtClose = 20_000;
    StepMeasurement m =
        StepMeasurement.fromCounts(
            1_000,
            15,
            publishedAtOpen,
            publishedAtClose,
            count.storedBefore(T0.plusSeconds(5)),
            count.storedBefore(T0.plusSeconds(20)));
    assertThat(m.outputPerS()).isEqualTo(1_000);
    assertThat(m.lagEndS()).isEqualTo(0.3);
    assertThat(SustainedRule.pipeline().judge(m).sustained()).isTrue();
  }

  @Test
  void countsMoveForwardOnly() throws Exception {
    count.storedBefore(T0);
    assertThatThrownBy(() -> count.storedBefore(T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
