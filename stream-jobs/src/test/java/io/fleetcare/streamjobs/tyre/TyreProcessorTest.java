package io.fleetcare.streamjobs.tyre;

import static io.fleetcare.streamjobs.battery.SignalFixtures.DAY_S;
import static io.fleetcare.streamjobs.battery.SignalFixtures.VIN;
import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static io.fleetcare.streamjobs.battery.SignalFixtures.sample;
import static io.fleetcare.streamjobs.battery.SignalFixtures.telemetry;
import static io.fleetcare.streamjobs.battery.SignalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TyreProcessorTest {
  private static final String FL = SignalCatalogue.WHEELS.get(0);
  private static final String RR = SignalCatalogue.WHEELS.get(3);

  private final TyreProcessor processor = TyreProcessor.defaults();
  private final TyreState state = new TyreState();
  private final List<SignalPoint> out = new ArrayList<>();

  /**
   * The front-left tyre loses 3 kPa a day (at 20 °C) while mornings swing between 0 and 20 °C; the
   * rear-right is sound. Cold readings follow the gas law: p = p₂₀·(T + 273.15)/293.15.
   */
  @Test
  void aSlowLeakStandsOutAgainstTemperatureSwings() {
    double[] air = {20, 0, 15, 5, 20};
    for (int day = 0; day < 5; day++) {
      double k = (air[day] + 273.15) / 293.15;
      processor.process(
          VIN,
          state,
          telemetry(
              day,
              sample(
                  day * DAY_S,
                  SignalCatalogue.AIR_TEMPERATURE,
                  air[day],
                  SignalCatalogue.tirePressure(FL),
                  (240 - 3 * day) * k,
                  SignalCatalogue.tirePressure(SignalCatalogue.WHEELS.get(1)),
                  240 * k,
                  SignalCatalogue.tirePressure(SignalCatalogue.WHEELS.get(2)),
                  240 * k,
                  SignalCatalogue.tirePressure(RR),
                  240 * k),
              // Warm from driving: not a cold reading, ignored by the trend.
              sample(day * DAY_S + 600, SignalCatalogue.tirePressure(FL), 300)),
          out::add);
    }
    String flTrend = SignalNames.perWheel(SignalNames.TYRE_PRESSURE_TREND_KPA_PER_DAY, FL);
    String rrTrend = SignalNames.perWheel(SignalNames.TYRE_PRESSURE_TREND_KPA_PER_DAY, RR);
    assertThat(values(out, flTrend))
        .hasSize(3)
        .allSatisfy(v -> assertThat(v).isCloseTo(-3, within(1e-6)));
    assertThat(values(out, rrTrend)).allSatisfy(v -> assertThat(v).isCloseTo(0, within(1e-6)));
    assertThat(values(out, SignalNames.perWheel(SignalNames.TYRE_PRESSURE_KPA, FL)).getLast())
        .isCloseTo(228, within(1e-9));
  }

  @Test
  void treadFromAMeasurementAndTheDistanceDrivenSince() {
    String tread = SignalCatalogue.treadDepth(FL);
    // 7.0 mm measured, then 36 km at a steady 72 km/h (no scrub): 7.0 − 0.15 · 36/1000.
    processor.process(
        VIN, state, telemetry(1, sample(0, SignalCatalogue.SPEED, 72, tread, 7.0)), out::add);
    for (int i = 1; i <= 18; i++) {
      processor.process(
          VIN, state, telemetry(i + 1, sample(i * 100, SignalCatalogue.SPEED, 72)), out::add);
    }
    processor.process(VIN, state, events(1, new VehicleEvent.IgnitionOff(at(1800))), out::add);
    assertThat(values(out, SignalNames.perWheel(SignalNames.TYRE_TREAD_MM, FL)))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(7.0 - 0.15 * 36 / 1000, within(1e-9)));
    // Other wheels have no anchor: only the worn depth, most worn wheel (front, 0.15 mm/1000 km).
    assertThat(values(out, SignalNames.perWheel(SignalNames.TYRE_TREAD_MM, RR))).isEmpty();
    assertThat(values(out, SignalNames.TYRE_TREAD_WORN_MM))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(0.15 * 36 / 1000, within(1e-9)));
  }
}
