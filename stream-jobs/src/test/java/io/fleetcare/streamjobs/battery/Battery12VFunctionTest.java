package io.fleetcare.streamjobs.battery;

import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static io.fleetcare.streamjobs.battery.SignalFixtures.sample;
import static io.fleetcare.streamjobs.battery.SignalFixtures.telemetry;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class Battery12VFunctionTest {
  private static final Duration IDLE = Duration.ofDays(60);

  @Test
  void emitsPerStartAndForgetsAQuietVehicle() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, SignalPoint> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new Battery12VFunction(Battery12VProcessor.defaults(), IDLE),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      harness.processElement(
          telemetry(
              1,
              sample(0, SignalCatalogue.BATTERY_12V_VOLTAGE, 12.6, SignalCatalogue.ENGINE_SPEED, 0),
              sample(1, SignalCatalogue.BATTERY_12V_VOLTAGE, 11.0, SignalCatalogue.ENGINE_SPEED, 0),
              sample(
                  2, SignalCatalogue.BATTERY_12V_VOLTAGE, 12.0, SignalCatalogue.ENGINE_SPEED, 800)),
          0);
      harness.processElement(events(1, new VehicleEvent.IgnitionOff(at(2))), 0);

      assertThat(harness.extractOutputValues())
          .extracting(SignalPoint::name, SignalPoint::value)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(SignalNames.BATTERY_RESTING_V, 12.6),
              org.assertj.core.groups.Tuple.tuple(SignalNames.BATTERY_CRANKING_MIN_V, 11.0));
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

      // Seen again after 30 days: the timer fires, finds it alive and moves on.
      harness.setProcessingTime(Duration.ofDays(30).toMillis());
      harness.processElement(events(2, new VehicleEvent.IgnitionOn(at(100))), 0);
      harness.setProcessingTime(IDLE.toMillis());
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

      harness.setProcessingTime(Duration.ofDays(90).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }
}
