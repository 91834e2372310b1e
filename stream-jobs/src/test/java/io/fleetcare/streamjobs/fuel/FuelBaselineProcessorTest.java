package io.fleetcare.streamjobs.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.TestMessages;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.trip.StateSizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuelBaselineProcessorTest {
  static final String VIN = TestMessages.VIN;
  static final long T0 = TestMessages.T0.toEpochMilli();
  static final long DAY_MS = 86_400_000L;

  /** One-day baseline of at least five trips, no ridge: the fit of an exact model is exact. */
  static final FuelOptions OPTIONS =
      new FuelOptions(Duration.ofDays(1), 5, 2, 0, 1, Duration.ofDays(1), Duration.ofDays(60));

  private final FuelBaselineProcessor processor = new FuelBaselineProcessor(OPTIONS);
  private final FuelState state = new FuelState();
  private final List<SignalPoint> out = new ArrayList<>();

  /** L/100 km of a clean engine: 4 + 2 h/100 km + 0.5 stops/km + 1 highway + 3 coldness. */
  static double cleanL100(double km, double durationS, double stops, double highway, double air) {
    double hours = durationS / 3600 / km * 100;
    double coldness = Math.max(0, 70 - air) / 70 * Math.min(1, 600 / durationS);
    return 4 + 2 * hours + 0.5 * stops + 1 * highway + 3 * coldness;
  }

  /** A trip starting {@code hours} after T0 that burns {@code factor} × the clean engine's fuel. */
  static Trip trip(
      double hours,
      double km,
      double durationS,
      double stops,
      double highway,
      double air,
      double factor) {
    long start = T0 + (long) (hours * 3_600_000);
    double fuel = factor * cleanL100(km, durationS, stops, highway, air) * km / 100;
    return new Trip(
        VIN, start, start + (long) (durationS * 1000), km, fuel, 0.1, stops, highway, 0, air);
  }

  /** Six baseline trips over a day whose conditions differ enough to identify every slope. */
  private void baseline() {
    processor.onTrip(state, trip(0, 10, 900, 1, 0, 5, 1), out::add);
    processor.onTrip(state, trip(2, 30, 1500, 0.2, 0.6, 10, 1), out::add);
    processor.onTrip(state, trip(5, 5, 700, 2, 0, 0, 1), out::add);
    processor.onTrip(state, trip(9, 20, 1800, 0.5, 0.2, 15, 1), out::add);
    processor.onTrip(state, trip(14, 8, 400, 1.5, 0.1, 20, 1), out::add);
    processor.onTrip(state, trip(25, 40, 2000, 0.1, 0.8, 8, 1), out::add);
  }

  private List<SignalPoint> named(String name) {
    return out.stream().filter(p -> p.name().equals(name)).toList();
  }

  @Test
  void fitsTheBaselineAndMeasuresATenPercentDrift() {
    baseline();
    assertThat(state.fitted).isTrue();
    assertThat(named(SignalNames.FUEL_TRIP_L_PER_100KM)).hasSize(6);
    assertThat(named(SignalNames.FUEL_DRIFT_30D_PCT)).isEmpty();
    // The model is exact: coefficients recovered.
    assertThat(state.coef[0]).isCloseTo(4, within(1e-6));
    assertThat(state.coef[1]).isCloseTo(2, within(1e-6));
    assertThat(state.coef[2]).isCloseTo(0.5, within(1e-6));
    assertThat(state.coef[3]).isCloseTo(1, within(1e-6));
    assertThat(state.coef[4]).isCloseTo(3, within(1e-6));

    // Two days later the engine uses 10 % more under other conditions than any baseline trip.
    out.clear();
    processor.onTrip(state, trip(72, 25, 1200, 0.8, 0.3, 25, 1.1), out::add);
    processor.onTrip(state, trip(73, 12, 1000, 1.2, 0, 3, 1.1), out::add);
    double l100 = 1.1 * cleanL100(25, 1200, 0.8, 0.3, 25);
    assertThat(named(SignalNames.FUEL_TRIP_L_PER_100KM).getFirst().value())
        .isCloseTo(l100, within(1e-9));
    // Baseline and drift once a day: with the first trip of the day.
    assertThat(named(SignalNames.FUEL_DRIFT_30D_PCT)).hasSize(1);
    assertThat(named(SignalNames.FUEL_DRIFT_30D_PCT).getFirst().value())
        .isCloseTo(10, within(1e-4));
    assertThat(named(SignalNames.FUEL_DRIFT_90D_PCT).getFirst().value())
        .isCloseTo(10, within(1e-4));
    // The baseline is the distance-weighted mean L/100 km of the baseline trips.
    double[][] b = {
      {10, 900, 1, 0, 5}, {30, 1500, 0.2, 0.6, 10}, {5, 700, 2, 0, 0},
      {20, 1800, 0.5, 0.2, 15}, {8, 400, 1.5, 0.1, 20}, {40, 2000, 0.1, 0.8, 8}
    };
    double sum = 0;
    double km = 0;
    for (double[] t : b) {
      sum += t[0] * cleanL100(t[0], t[1], t[2], t[3], t[4]);
      km += t[0];
    }
    assertThat(named(SignalNames.FUEL_BASELINE_L_PER_100KM).getFirst().value())
        .isCloseTo(sum / km, within(1e-9));
    assertThat(named(SignalNames.FUEL_BASELINE_L_PER_100KM).getFirst().tsMs())
        .isEqualTo(T0 + 72 * 3_600_000L + 1_200_000L);
  }

  @Test
  void thirtyAndNinetyDayWindowsDiffer() {
    baseline();
    // Day 10: +5 %; day 50: +20 %. Same conditions, same fuel weight.
    processor.onTrip(state, trip(240, 20, 1200, 0.5, 0.2, 10, 1.05), out::add);
    out.clear();
    processor.onTrip(state, trip(1200, 20, 1200, 0.5, 0.2, 10, 1.20), out::add);
    assertThat(named(SignalNames.FUEL_DRIFT_30D_PCT).getFirst().value())
        .isCloseTo(20, within(1e-4));
    // 90 days: (1.05 + 1.20) / 2 − 1 = 12.5 %.
    assertThat(named(SignalNames.FUEL_DRIFT_90D_PCT).getFirst().value())
        .isCloseTo(12.5, within(1e-4));
  }

  @Test
  void aCleaningStartsANewBaseline() {
    baseline();
    processor.onService(state, "BRAKE_PADS", T0 + 30 * 3_600_000L);
    assertThat(state.fitted).isTrue();
    processor.onService(state, "ENGINE_DEPOSITS", T0 + 30 * 3_600_000L);
    assertThat(state.fitted).isFalse();
    out.clear();
    // A trip that started before the cleaning but arrives after it is ignored.
    processor.onTrip(state, trip(29, 20, 1200, 0.5, 0.2, 10, 1.3), out::add);
    assertThat(out).isEmpty();
    processor.onTrip(state, trip(31, 20, 1200, 0.5, 0.2, 10, 1.0), out::add);
    assertThat(named(SignalNames.FUEL_TRIP_L_PER_100KM)).hasSize(1);
    assertThat(named(SignalNames.FUEL_DRIFT_30D_PCT)).isEmpty();
    assertThat(state.baselineTrips).isEqualTo(1);
  }

  @Test
  void batteryElectricVehiclesEmitNothing() {
    processor.onProfile(
        state,
        new VehicleProfile(
            1,
            VIN,
            VehicleProfile.Powertrain.BEV,
            VehicleProfile.FuelType.NONE,
            0,
            1800,
            2022,
            "D001",
            false,
            Map.of()));
    baseline();
    assertThat(out).isEmpty();
    // Without a profile, trips without fuel say the same.
    FuelState other = new FuelState();
    processor.onTrip(other, new Trip(VIN, T0, T0 + 600_000, 10, 0, 0, 1, 0, 0, 10), out::add);
    assertThat(out).isEmpty();
  }

  @Test
  void stateIsACompactPojo() throws Exception {
    assertThat(StateSizes.isPojo(FuelState.class)).isTrue();
    baseline();
    assertThat(StateSizes.serializedBytes(state)).isLessThan(700);
  }
}
