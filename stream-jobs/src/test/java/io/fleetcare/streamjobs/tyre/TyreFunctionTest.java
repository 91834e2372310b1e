package io.fleetcare.streamjobs.tyre;

import static io.fleetcare.streamjobs.battery.SignalFixtures.sample;
import static io.fleetcare.streamjobs.battery.SignalFixtures.telemetry;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TyreFunctionTest {
  @Test
  void emitsColdPressureAndForgetsAQuietVehicle() throws Exception {
    String wheel = SignalCatalogue.WHEELS.get(0);
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, SignalPoint> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TyreFunction(TyreProcessor.defaults(), Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      // 250 kPa at 30 °C is 250 · 293.15 / 303.15 at 20 °C.
      harness.processElement(
          telemetry(
              1,
              sample(
                  0,
                  SignalCatalogue.AIR_TEMPERATURE,
                  30,
                  SignalCatalogue.tirePressure(wheel),
                  250)),
          0);
      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.name())
                    .isEqualTo(SignalNames.perWheel(SignalNames.TYRE_PRESSURE_KPA, wheel));
                assertThat(p.value()).isEqualTo(250 * 293.15 / 303.15);
              });
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      harness.setProcessingTime(Duration.ofDays(60).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }
}
