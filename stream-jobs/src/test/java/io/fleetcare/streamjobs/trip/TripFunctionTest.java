package io.fleetcare.streamjobs.trip;

import static io.fleetcare.streamjobs.TestMessages.VIN;
import static io.fleetcare.streamjobs.TestMessages.sample;
import static io.fleetcare.streamjobs.trip.TripSegmenterTest.at;
import static io.fleetcare.streamjobs.trip.TripSegmenterTest.events;
import static io.fleetcare.streamjobs.trip.TripSegmenterTest.telemetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.Trip;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TripFunctionTest {
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, Trip> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TripFunction(TripOptions.defaults()), VehicleMessage::vin, Types.STRING);
    harness.setProcessingTime(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void emitsTheHandComputedTripAndKeepsOnlyTheIdleTimer() throws Exception {
    for (VehicleMessage m : TripSegmenterTest.handComputedTrip()) {
      harness.processElement(m, 0);
    }
    assertThat(harness.extractOutputValues()).hasSize(1);
    Trip t = harness.extractOutputValues().getFirst();
    assertThat(t.fuelL()).isCloseTo(0.054, within(1e-12));
    assertThat(t.idleShare()).isCloseTo(1.0 / 6, within(1e-12));
    // The grace timer set at IGNITION_OFF was removed when the last sample came.
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void closesATripWhoseLastSamplesNeverComeAfterTheGraceTime() throws Exception {
    harness.processElement(events(1, new VehicleEvent.IgnitionOn(at(0))), 0);
    harness.processElement(
        telemetry(
            1,
            sample(0, SignalCatalogue.SPEED, 0),
            sample(10, SignalCatalogue.SPEED, 36),
            sample(20, SignalCatalogue.SPEED, 36)),
        0);
    harness.processElement(events(2, new VehicleEvent.IgnitionOff(at(30))), 0);
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

    harness.setProcessingTime(29_999);
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.setProcessingTime(30_000);
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(harness.extractOutputValues().getFirst().endMs()).isEqualTo(at(20));
    assertThat(harness.extractOutputValues().getFirst().distanceKm())
        .isCloseTo((18 + 36) * 10 / 3600.0, within(1e-12));
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    // The stragglers that come after all are late: the trip is not emitted twice.
    harness.processElement(telemetry(2, sample(30, SignalCatalogue.SPEED, 0)), 30_001);
    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void stateAndTimersGoBackToZeroWhenTheVehicleGoesQuiet() throws Exception {
    for (VehicleMessage m : TripSegmenterTest.handComputedTrip()) {
      harness.processElement(m, 0);
    }
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

    // Input on day 30 postpones the cleanup to day 90.
    harness.setProcessingTime(30 * DAY_MS);
    harness.processElement(events(3, new VehicleEvent.IgnitionOn(at(1000))), 0);
    harness.processElement(
        telemetry(
            3, sample(1000, SignalCatalogue.SPEED, 0), sample(1010, SignalCatalogue.SPEED, 36)),
        0);
    harness.setProcessingTime(60 * DAY_MS);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(90 * DAY_MS);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    // The trip left open when the vehicle went quiet is emitted, not lost.
    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(harness.extractOutputValues().get(1).vin()).isEqualTo(VIN);
  }

  @Test
  void stateIsAFlinkPojoOfAFewHundredBytes() throws Exception {
    assertThat(StateSizes.isPojo(TripState.class)).isTrue();
    TripSegmenter segmenter = new TripSegmenter(TripOptions.defaults());
    TripState s = new TripState();
    for (VehicleMessage m : TripSegmenterTest.handComputedTrip()) {
      segmenter.process(s, m, t -> {});
    }
    assertThat(StateSizes.serializedBytes(s)).isLessThan(300);
  }
}
