package io.fleetcare.predictors.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.Indicator;
import io.fleetcare.predictors.series.ServiceThresholds;
import io.fleetcare.predictors.series.VehicleContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendForecasterTest {
  static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");
  static final String VIN = "1FCAA11T5B0000001";
  private final TrendForecaster trend = new TrendForecaster(ServiceThresholds.DEFAULTS);

  static ConditionSeries linear(Indicator ind, double start, double perDay, int days) {
    List<ConditionPoint> pts = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      pts.add(new ConditionPoint(T0.plus(Duration.ofDays(d)), start + perDay * d));
    }
    return new ConditionSeries(VIN, ind, pts);
  }

  @Test
  void extrapolatesPadWearToTheLimit() {
    ConditionSeries s = linear(Indicator.PAD_WEAR_PERCENT, 50, 1, 41); // 90 % at day 40
    Instant now = T0.plus(Duration.ofDays(40));
    Forecast f = trend.forecast(s, VehicleContext.unknown(VIN), now);
    assertThat(f.medianDays()).isCloseTo(10, within(1e-6));
    assertThat(f.predictedDate()).isEqualTo(java.time.LocalDate.parse("2026-02-24"));
    assertThat(f.probabilityWithin15Days()).isEqualTo(1.0);
  }

  @Test
  void fallingCrankingVoltageHeadsForNinePointSix() {
    ConditionSeries s = linear(Indicator.CRANKING_MIN_V, 10.6, -0.02, 31); // 10.0 V at day 30
    Forecast f = trend.forecast(s, VehicleContext.unknown(VIN), T0.plus(Duration.ofDays(30)));
    assertThat(f.medianDays()).isCloseTo(20, within(1e-6));
  }

  @Test
  void aFlatSeriesForeseesNothing() {
    ConditionSeries s = linear(Indicator.TRACTION_SOH_PERCENT, 95, 0, 30);
    Forecast f = trend.forecast(s, VehicleContext.unknown(VIN), T0.plus(Duration.ofDays(29)));
    assertThat(f.foreseen()).isFalse();
    assertThat(f.probabilityWithin15Days()).isZero();
  }

  @Test
  void aServiceStartsANewSegment() {
    List<ConditionPoint> pts = new ArrayList<>();
    for (int d = 0; d < 20; d++) {
      pts.add(new ConditionPoint(T0.plus(Duration.ofDays(d)), 80 + d));
    }
    for (int d = 20; d < 40; d++) {
      pts.add(new ConditionPoint(T0.plus(Duration.ofDays(d)), 0.5 * (d - 20)));
    }
    ConditionSeries s = new ConditionSeries(VIN, Indicator.PAD_WEAR_PERCENT, pts);
    VehicleContext ctx =
        new VehicleContext(
            VIN,
            "ICE",
            2020,
            1400,
            List.of(),
            List.of(),
            Map.of("BRAKE_PADS", List.of(T0.plus(Duration.ofDays(19)).plusSeconds(3600))));
    TrendState st = trend.state(s, ctx, T0.plus(Duration.ofDays(39)));
    assertThat(st.segmentStart()).isEqualTo(20);
    assertThat(st.approachPerDay()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void theOdometerHeadsForTheNextMilestone() {
    ConditionSeries s = linear(Indicator.ODOMETER_KM, 48_000, 100, 11); // 49,000 km at day 10
    Forecast f = trend.forecast(s, VehicleContext.unknown(VIN), T0.plus(Duration.ofDays(10)));
    assertThat(f.medianDays()).isCloseTo(10, within(1e-6));
    assertThat(f.evidence().get("threshold")).isEqualTo(50_000.0);
  }
}
