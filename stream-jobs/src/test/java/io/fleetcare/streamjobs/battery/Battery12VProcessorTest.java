package io.fleetcare.streamjobs.battery;

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
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Battery12VProcessorTest {
  private static final String V = SignalCatalogue.BATTERY_12V_VOLTAGE;
  private static final String RPM = SignalCatalogue.ENGINE_SPEED;

  private final Battery12VProcessor processor = Battery12VProcessor.defaults();
  private final Battery12VState state = new Battery12VState();
  private final List<SignalPoint> out = new ArrayList<>();

  /** A carOBD-like log: key on, a dip before the rpm shows, the alternator ramping up. */
  @Test
  void samplesAloneGiveRestingCrankingAndCharging() {
    List<Sample> s = new ArrayList<>();
    s.add(sample(0, V, 12.40, RPM, 0));
    s.add(sample(1, V, 12.30, RPM, 0));
    s.add(sample(2, V, 12.35, RPM, 0));
    s.add(sample(3, V, 10.60, RPM, 0)); // cranking, rpm not yet reported
    s.add(sample(4, V, 10.70, RPM, 1700));
    s.add(sample(5, V, 11.90, RPM, 1500));
    for (int t = 6; t < 34; t++) {
      s.add(sample(t, V, 13.5, RPM, 900)); // before the 30 s charging skip
    }
    s.add(sample(34, V, 14.0, RPM, 900));
    s.add(sample(35, V, 14.2, RPM, 900));
    s.add(sample(36, V, 13.9, RPM, 900));
    processor.process(VIN, state, telemetry(1, s.toArray(Sample[]::new)), out::add);
    processor.process(VIN, state, events(1, new VehicleEvent.IgnitionOff(at(36))), out::add);

    // (12.40 + 12.30 + 12.35) / 3; the dip at 10.60 is not resting.
    assertThat(values(out, SignalNames.BATTERY_RESTING_V).getFirst())
        .isCloseTo(12.35, within(1e-9));
    assertThat(values(out, SignalNames.BATTERY_CRANKING_MIN_V)).containsExactly(10.60);
    // Started at t=4: from t=34 on, (14.0 + 14.2 + 13.9) / 3.
    assertThat(values(out, SignalNames.BATTERY_CHARGING_V).getFirst())
        .isCloseTo(14.033333333, within(1e-6));
    assertThat(out.stream().filter(p -> p.name().equals(SignalNames.BATTERY_CRANKING_MIN_V)))
        .extracting(SignalPoint::tsMs)
        .containsExactly(at(4));
  }

  @Test
  void restingNeedsTheSettleTimeAfterTheLastRun() {
    run(0, 12.5, 14.1);
    out.clear();
    // Back after 30 min: not settled, no resting value; after 3 h: settled.
    run(30 * 60 + 100, 12.45, 14.1);
    assertThat(values(out, SignalNames.BATTERY_RESTING_V)).isEmpty();
    run(3 * 3600 + 4000, 12.42, 14.1);
    assertThat(values(out, SignalNames.BATTERY_RESTING_V)).containsExactly(12.42);
  }

  @Test
  void engineStartEventsAreTrustedOverSamples() {
    processor.process(
        VIN,
        state,
        events(1, new VehicleEvent.IgnitionOn(at(0)), new VehicleEvent.EngineStart(at(1), 9.85)),
        out::add);
    run(0, 12.5, 14.1);
    processor.process(
        VIN,
        state,
        events(2, new VehicleEvent.Other(at(DAY_S), "NO_START", Map.of("crankingMinV", "6.90"))),
        out::add);
    assertThat(values(out, SignalNames.BATTERY_CRANKING_MIN_V)).containsExactly(9.85, 6.90);
  }

  @Test
  void crankingTrendIsVoltsPerThirtyDays() {
    // Falling 0.01 V a day: -0.3 V per 30 days, once 5 starts over 7+ days are in.
    for (int day = 0; day < 10; day++) {
      processor.process(
          VIN,
          state,
          events(day + 1, new VehicleEvent.EngineStart(at(day * DAY_S), 10.5 - 0.01 * day)),
          out::add);
    }
    List<Double> trend = values(out, SignalNames.BATTERY_CRANKING_TREND_V_PER_30D);
    assertThat(trend).hasSize(3);
    assertThat(trend.getLast()).isCloseTo(-0.3, within(1e-9));
  }

  @Test
  void aSingleZeroRpmReadingWhileChargingDoesNotEndTheRun() {
    List<Sample> s = new ArrayList<>();
    for (int t = 0; t < 60; t++) {
      s.add(sample(t, V, 14.0, RPM, t == 45 ? 0 : 900));
    }
    processor.process(VIN, state, telemetry(1, s.toArray(Sample[]::new)), out::add);
    processor.process(VIN, state, events(1, new VehicleEvent.IgnitionOff(at(59))), out::add);
    assertThat(values(out, SignalNames.BATTERY_CHARGING_V)).containsExactly(14.0);
  }

  /** A trip at {@code startS}: two resting samples, a running minute, engine off. */
  private void run(long startS, double restV, double chargeV) {
    List<Sample> s = new ArrayList<>();
    s.add(sample(startS, V, restV, RPM, 0));
    s.add(sample(startS + 1, V, restV, RPM, 0));
    for (int t = 2; t < 62; t++) {
      s.add(sample(startS + t, V, chargeV, RPM, 900));
    }
    s.add(sample(startS + 62, V, restV + 0.15, RPM, 0));
    processor.process(VIN, state, telemetry(startS, s.toArray(Sample[]::new)), out::add);
  }
}
