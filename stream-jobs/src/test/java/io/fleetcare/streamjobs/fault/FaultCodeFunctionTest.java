package io.fleetcare.streamjobs.fault;

import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class FaultCodeFunctionTest {
  @Test
  void emitsChangesAndForgetsAQuietVehicle() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, FaultCodeChange> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new FaultCodeFunction(FaultCodeProcessor.defaults(), Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(1_000);
      harness.processElement(events(1, new VehicleEvent.DtcSet(at(0), "P0128")), 0);
      assertThat(harness.extractOutputValues())
          .extracting(FaultCodeChange::code, FaultCodeChange::status, FaultCodeChange::description)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "P0128",
                  FaultCodeChange.Status.SET,
                  "Coolant thermostat (coolant temperature below regulating temperature)"));
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      harness.setProcessingTime(1_000 + Duration.ofDays(60).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }
}
