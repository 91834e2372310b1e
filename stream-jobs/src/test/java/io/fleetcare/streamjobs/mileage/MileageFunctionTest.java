package io.fleetcare.streamjobs.mileage;

import static io.fleetcare.streamjobs.mileage.MileageProcessorTest.T0;
import static io.fleetcare.streamjobs.mileage.MileageProcessorTest.VIN;
import static io.fleetcare.streamjobs.mileage.MileageProcessorTest.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.TestMessages;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MileageFunctionTest {
  private static final long DAY_MS = 86_400_000L;
  private KeyedTwoInputStreamOperatorTestHarness<String, Trip, VehicleMessage, SignalPoint> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new MileageFunction(MileageOptions.defaults()),
            Trip::vin,
            VehicleMessage::vin,
            Types.STRING);
    harness.setProcessingTime(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private List<Double> values(String name) {
    return harness.extractOutputValues().stream()
        .filter(p -> p.name().equals(name))
        .map(SignalPoint::value)
        .toList();
  }

  @Test
  void readsTheOdometerFromTelemetryAndProjectsTheMilestone() throws Exception {
    for (int day = 0; day < 9; day++) {
      harness.processElement1(trip(day, 60), 0);
    }
    harness.processElement2(
        new TelemetryMessage(
            VIN,
            1,
            List.of(
                TestMessages.sample(9 * 86_400 - 10, SignalCatalogue.TRAVELED_DISTANCE, 49_500_000),
                TestMessages.sample(9 * 86_400 - 5, SignalCatalogue.SPEED, 0))),
        0);
    harness.processElement1(trip(9, 60), 0);
    assertThat(values(SignalNames.ODOMETER_KM)).containsExactly(49_500.0);
    // 500 km at 60 km/day.
    assertThat(values(SignalNames.DAYS_TO_NEXT_SERVICE))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(500 / 60.0, within(1e-9)));
  }

  @Test
  void stateAndTimersGoBackToZeroWhenTheVehicleGoesQuiet() throws Exception {
    harness.processElement2(
        new EventMessage(
            VIN, T0, List.of(new VehicleEvent.ServicePerformed(T0, "BRAKE_PADS", 1e4))),
        0);
    harness.processElement1(trip(0, 60), 0);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    harness.setProcessingTime(60 * DAY_MS);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
