package io.fleetcare.streamjobs.battery;

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
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TractionBatteryProcessorTest {
  private final TractionBatteryProcessor processor = TractionBatteryProcessor.defaults();
  private final TractionBatteryState state = new TractionBatteryState();
  private final List<SignalPoint> out = new ArrayList<>();

  /**
   * 100 A at 360 V for 60 s per sample is 2.16 MJ = 0.6 kWh; SoC falls 1 point per sample, so 10
   * points (10 samples after the first) are 6 kWh: a 60 kWh pack.
   */
  @Test
  void capacityFromEnergyPerPercentAndHealthOnceTheNewCapacityIsKnown() {
    drive(0, 90, 0);
    assertThat(values(out, SignalNames.TRACTION_CAPACITY_KWH))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(60, within(1e-9)));

    // The car reports 95 % health: emitted at ignition off.
    processor.process(
        VIN, state, telemetry(100, sample(700, SignalCatalogue.TRACTION_SOH, 95.0)), out::add);
    processor.process(VIN, state, events(1, new VehicleEvent.IgnitionOff(at(700))), out::add);
    assertThat(values(out, SignalNames.TRACTION_SOH_PCT)).containsExactly(95.0);
  }

  @Test
  void harnessForgetsAQuietVehicle() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, SignalPoint> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TractionBatteryFunction(processor, Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      for (int i = 0; i <= 10; i++) {
        harness.processElement(telemetry(i, socSample(i * 60, 90 - i)), 0);
      }
      assertThat(harness.extractOutputValues())
          .extracting(SignalPoint::name)
          .containsExactly(SignalNames.TRACTION_CAPACITY_KWH);
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      harness.setProcessingTime(Duration.ofDays(60).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }

  private void drive(long startS, double soc0, long seq0) {
    for (int i = 0; i <= 10; i++) {
      processor.process(
          VIN, state, telemetry(seq0 + i, socSample(startS + i * 60, soc0 - i)), out::add);
    }
  }

  private static io.fleetcare.core.wire.Sample socSample(long s, double soc) {
    return sample(
        s,
        SignalCatalogue.TRACTION_SOC,
        soc,
        SignalCatalogue.TRACTION_CURRENT,
        100,
        SignalCatalogue.TRACTION_VOLTAGE,
        360);
  }
}
