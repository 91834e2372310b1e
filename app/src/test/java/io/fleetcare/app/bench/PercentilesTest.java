package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOfOneToThousand() {
    double[] values = IntStream.rangeClosed(1, 1000).mapToDouble(i -> 1001 - i).toArray();
    Percentiles p = Percentiles.of(values);
    assertThat(p.count()).isEqualTo(1000);
    assertThat(p.p50Ms()).isEqualTo(500);
    assertThat(p.p99Ms()).isEqualTo(990);
    assertThat(p.p999Ms()).isEqualTo(999);
    assertThat(p.maxMs()).isEqualTo(1000);
  }

  @Test
  void fewObservationsMakeTheHighPercentilesTheLargestValue() {
    Percentiles p = Percentiles.of(new double[] {30, 10, 20});
    assertThat(p.p50Ms()).isEqualTo(20);
    assertThat(p.p99Ms()).isEqualTo(30);
    assertThat(p.p999Ms()).isEqualTo(30);
  }

  @Test
  void doesNotReorderTheCallersArray() {
    double[] values = {3, 1, 2};
    Percentiles.of(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void noObservationsGiveNaN() {
    assertThat(Percentiles.of(new double[0]).isEmpty()).isTrue();
    assertThat(Percentiles.of(new double[0]).p99Ms()).isNaN();
  }

  @Test
  void percentMustBeWithinRange() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
