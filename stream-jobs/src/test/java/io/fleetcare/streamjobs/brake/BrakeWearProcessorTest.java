package io.fleetcare.streamjobs.brake;

import static io.fleetcare.streamjobs.battery.SignalFixtures.VIN;
import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static io.fleetcare.streamjobs.battery.SignalFixtures.profile;
import static io.fleetcare.streamjobs.battery.SignalFixtures.sample;
import static io.fleetcare.streamjobs.battery.SignalFixtures.telemetry;
import static io.fleetcare.streamjobs.battery.SignalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrakeWearProcessorTest {
  private static final String SPEED = SignalCatalogue.SPEED;
  // 1,420 kg + 80 kg driver, 36 -> 18 km/h in 1 s: ½·1500·(5² − 10²) = −56,250 J; drag and rolling
  // at 7.5 m/s: (½·1.2·0.68·7.5² + 0.0105·1500·9.81)·7.5 = 1,330.93125 J; so the wheels shed
  // 54,919.06875 J. An ICE at 18 km/h (> 15) takes 2,500 J by engine braking.
  private static final double WHEEL_J = 54_919.06875;
  private static final double ICE_FRICTION_J = WHEEL_J - 2_500;

  private final BrakeWearProcessor processor = new BrakeWearProcessor(BrakeWearOptions.defaults());
  private final BrakeWearState state = new BrakeWearState();
  private final List<SignalPoint> out = new ArrayList<>();

  @Test
  void frictionEnergyLessEngineBrakingOrRegeneration() {
    processor.process(VIN, state, profile(Powertrain.ICE, 1420, false), out::add);
    assertThat(processor.frictionJ(state, 36, 18, 1)).isCloseTo(ICE_FRICTION_J, within(1e-6));
    assertThat(processor.frictionJ(state, 36, 54, 1)).isZero();
    processor.process(VIN, state, profile(Powertrain.HEV, 1420, false), out::add);
    assertThat(processor.frictionJ(state, 36, 18, 1)).isCloseTo(WHEEL_J - 25_000, within(1e-6));
    processor.process(VIN, state, profile(Powertrain.BEV, 1420, false), out::add);
    assertThat(processor.frictionJ(state, 36, 18, 1)).isZero();
  }

  @Test
  void withoutAnchorOnlyTheAccruedWearIsKnown() {
    processor.process(VIN, state, profile(Powertrain.ICE, 1420, false), out::add);
    drops(0, 10);
    processor.process(VIN, state, events(1, new VehicleEvent.IgnitionOff(at(20))), out::add);
    // Prior 100 % / (50,000 km · 0.10 MJ/km) = 0.02 % per MJ on the front axle.
    assertThat(values(out, SignalNames.BRAKE_PAD_WEAR_ACCRUED_PCT))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(10 * ICE_FRICTION_J / 1e6 * 0.02, within(1e-12)));
    assertThat(values(out, SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT)).isEmpty();
    assertThat(values(out, SignalNames.BRAKE_FRICTION_ENERGY_MJ))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(10 * ICE_FRICTION_J / 1e6, within(1e-12)));
  }

  @Test
  void twoServicesCalibrateTheRate() {
    processor.process(VIN, state, profile(Powertrain.ICE, 1420, false), out::add);
    processor.process(
        VIN,
        state,
        events(1, new VehicleEvent.ServicePerformed(at(0), "BRAKE_PADS", 1000)),
        out::add);
    drops(10, 10);
    processor.process(
        VIN,
        state,
        events(2, new VehicleEvent.ServicePerformed(at(100), "BRAKE_PADS", 1000)),
        out::add);
    // 10 drops took the pads from 0 to 100 %: 5 more are half-way.
    drops(200, 5);
    processor.process(VIN, state, events(3, new VehicleEvent.IgnitionOff(at(300))), out::add);
    List<Double> estimates = values(out, SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT);
    assertThat(estimates).hasSize(3).startsWith(0.0, 0.0);
    assertThat(estimates.getLast()).isCloseTo(50.0, within(1e-9));
    // The friction energy is not reset by the pad changes: 15 drops in all.
    assertThat(values(out, SignalNames.BRAKE_FRICTION_ENERGY_MJ))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(15 * ICE_FRICTION_J / 1e6, within(1e-12)));
  }

  @Test
  void theSensorAnchorsAndCalibrates() {
    String fl = SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(0));
    String fr = SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(1));
    String rl = SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(2));
    String rr = SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(3));
    processor.process(VIN, state, profile(Powertrain.ICE, 1420, true), out::add);
    processor.process(
        VIN, state, telemetry(1, sample(0, SPEED, 0, fl, 40, fr, 41, rl, 20, rr, 20)), out::add);
    drops(1, 10);
    // 10 drops = 0.5241906875 MJ wore the front 3 points: 5.723 % per MJ.
    processor.process(
        VIN, state, telemetry(2, sample(50, SPEED, 0, fl, 43, fr, 44, rl, 20, rr, 20)), out::add);
    drops(51, 10);
    processor.process(VIN, state, events(3, new VehicleEvent.IgnitionOff(at(100))), out::add);
    assertThat(values(out, SignalNames.BRAKE_PAD_WEAR_PCT)).containsExactly(44.0);
    assertThat(values(out, SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT).getFirst())
        .isCloseTo(47.0, within(1e-9));
  }

  /** {@code n} braking steps 36 → 18 km/h (1 s), each after a 1 s speed-up, from {@code startS}. */
  private void drops(long startS, int n) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      samples.add(sample(startS + 2 * i, SPEED, 36));
      samples.add(sample(startS + 2 * i + 1, SPEED, 18));
    }
    // The speed-up from 18 back to 36 before the next drop sheds nothing.
    processor.process(VIN, state, telemetry(startS, samples.toArray(Sample[]::new)), out::add);
    state.lastSpeedKmh = Double.NaN; // the next batch starts a new trace
  }
}
