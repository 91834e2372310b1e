package io.fleetcare.streamjobs.fuel;

import static io.fleetcare.streamjobs.fuel.FuelBaselineProcessorTest.T0;
import static io.fleetcare.streamjobs.fuel.FuelBaselineProcessorTest.VIN;
import static io.fleetcare.streamjobs.fuel.FuelBaselineProcessorTest.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.wire.EventMessage;
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

class FuelFunctionTest {
  private static final long DAY_MS = 86_400_000L;
  private KeyedTwoInputStreamOperatorTestHarness<String, Trip, VehicleMessage, SignalPoint> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new FuelFunction(FuelBaselineProcessorTest.OPTIONS),
            Trip::vin,
            VehicleMessage::vin,
            Types.STRING);
    harness.setProcessingTime(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private void baseline() throws Exception {
    for (Trip t :
        List.of(
            trip(0, 10, 900, 1, 0, 5, 1),
            trip(2, 30, 1500, 0.2, 0.6, 10, 1),
            trip(5, 5, 700, 2, 0, 0, 1),
            trip(9, 20, 1800, 0.5, 0.2, 15, 1),
            trip(14, 8, 400, 1.5, 0.1, 20, 1),
            trip(25, 40, 2000, 0.1, 0.8, 8, 1))) {
      harness.processElement1(t, t.endMs());
    }
  }

  private List<Double> values(String name) {
    return harness.extractOutputValues().stream()
        .filter(p -> p.name().equals(name))
        .map(SignalPoint::value)
        .toList();
  }

  @Test
  void emitsTripConsumptionAndDriftAndACleaningResetsIt() throws Exception {
    baseline();
    harness.processElement1(trip(72, 25, 1200, 0.8, 0.3, 25, 1.1), 0);
    assertThat(values(SignalNames.FUEL_DRIFT_30D_PCT))
        .singleElement()
        .satisfies(v -> assertThat(v).isCloseTo(10, within(1e-4)));

    harness.processElement2(
        new EventMessage(
            VIN,
            T0,
            List.of(
                new VehicleEvent.ServicePerformed(T0 + 80 * 3_600_000L, "ENGINE_DEPOSITS", 1e4))),
        0);
    harness.processElement1(trip(100, 25, 1200, 0.8, 0.3, 25, 1.1), 0);
    // A new baseline is being built: no drift against the old one.
    assertThat(values(SignalNames.FUEL_DRIFT_30D_PCT)).hasSize(1);
    assertThat(values(SignalNames.FUEL_TRIP_L_PER_100KM)).hasSize(8);
  }

  @Test
  void telemetryDoesNotCreateStateAndQuietVehiclesAreForgotten() throws Exception {
    harness.processElement2(TestMessages.speeds(VIN, 1, 0, 0, 36, 0), 0);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();

    baseline();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    harness.setProcessingTime(59 * DAY_MS);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    harness.setProcessingTime(60 * DAY_MS);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
