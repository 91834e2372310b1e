package io.fleetcare.streamjobs.brake;

import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static io.fleetcare.streamjobs.battery.SignalFixtures.profile;
import static io.fleetcare.streamjobs.battery.SignalFixtures.sample;
import static io.fleetcare.streamjobs.battery.SignalFixtures.telemetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class BrakeWearFunctionTest {
  @Test
  void emitsPerTripAndForgetsAQuietVehicle() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, SignalPoint> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new BrakeWearFunction(
                new BrakeWearProcessor(BrakeWearOptions.defaults()), Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      harness.processElement(profile(Powertrain.ICE, 1420, false), 0);
      harness.processElement(
          telemetry(1, sample(0, SignalCatalogue.SPEED, 36), sample(1, SignalCatalogue.SPEED, 18)),
          0);
      harness.processElement(events(1, new VehicleEvent.IgnitionOff(at(1))), 0);
      // 36 -> 18 km/h in 1 s sheds 0.05241906875 MJ in the friction brakes
      // (BrakeWearProcessorTest).
      assertThat(harness.extractOutputValues())
          .satisfiesExactly(
              p -> {
                assertThat(p.name()).isEqualTo(SignalNames.BRAKE_PAD_WEAR_ACCRUED_PCT);
                assertThat(p.value()).isCloseTo(0.05241906875 * 0.02, within(1e-12));
              },
              p -> {
                assertThat(p.name()).isEqualTo(SignalNames.BRAKE_FRICTION_ENERGY_MJ);
                assertThat(p.value()).isCloseTo(0.05241906875, within(1e-12));
              });
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      harness.setProcessingTime(Duration.ofDays(60).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }
}
