package io.fleetcare.streamjobs.distance;

import static io.fleetcare.streamjobs.TestMessages.VIN;
import static io.fleetcare.streamjobs.TestMessages.profile;
import static io.fleetcare.streamjobs.TestMessages.sample;
import static io.fleetcare.streamjobs.TestMessages.speeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DistanceFuelFunctionTest {
  @Test
  void emitsOneIncrementPerTelemetryMessageAndUsesTheProfile() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, TelemetryBatchRow> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DistanceFuelFunction(new DistanceFuelProcessor(120), Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.processElement(profile(VIN, VehicleProfile.FuelType.DIESEL), 0);
      harness.processElement(speeds(VIN, 1, 0, 0, 36), 0);
      harness.processElement(
          new TelemetryMessage(
              VIN,
              2,
              List.of(
                  sample(2, SignalCatalogue.SPEED, 36, SignalCatalogue.MAF, 14.5),
                  sample(3, SignalCatalogue.SPEED, 0, SignalCatalogue.MAF, 14.5))),
          0);

      List<DistanceFuelIncrement> out =
          harness.extractOutputValues().stream().map(TelemetryBatchRow::increment).toList();
      assertThat(out).extracting(DistanceFuelIncrement::seq).containsExactly(1L, 2L);
      assertThat(out.get(0).distanceKm()).isCloseTo(18 / 3600.0, within(1e-12));
      // 36 km/h for 1 s joining the messages, then 18 km/h mean for 1 s.
      assertThat(out.get(1).distanceKm()).isCloseTo(54 / 3600.0, within(1e-12));
      assertThat(out.get(1).fuelL()).isCloseTo(1 / 832.0, within(1e-12));
    }
  }

  @Test
  void forgetsAVehicleQuietForTheIdleTime() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, TelemetryBatchRow> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DistanceFuelFunction(new DistanceFuelProcessor(120), Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.setProcessingTime(0);
      harness.processElement(profile(VIN, VehicleProfile.FuelType.DIESEL), 0);
      harness.setProcessingTime(Duration.ofDays(30).toMillis());
      harness.processElement(speeds(VIN, 1, 0, 36), 0);
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      // The first timer (day 60) finds input on day 30 and moves to day 90.
      harness.setProcessingTime(Duration.ofDays(60).toMillis());
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
      harness.setProcessingTime(Duration.ofDays(90).toMillis());
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  void theArchiveLeavesLocationOut() throws Exception {
    try (KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, TelemetryBatchRow> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DistanceFuelFunction(new DistanceFuelProcessor(120), Duration.ofDays(60)),
            VehicleMessage::vin,
            Types.STRING)) {
      harness.processElement(
          new TelemetryMessage(
              VIN,
              1,
              List.of(
                  sample(
                      0,
                      SignalCatalogue.SPEED,
                      30,
                      SignalCatalogue.LATITUDE,
                      48.1374,
                      SignalCatalogue.LONGITUDE,
                      11.5755))),
          0);
      String archived = harness.extractOutputValues().getFirst().archivedJson();
      assertThat(archived)
          .contains(SignalCatalogue.SPEED)
          .doesNotContain("Latitude", "Longitude", "48.1374");
    }
  }
}
