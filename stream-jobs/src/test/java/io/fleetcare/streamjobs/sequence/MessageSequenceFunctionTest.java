package io.fleetcare.streamjobs.sequence;

import static io.fleetcare.streamjobs.TestMessages.VIN;
import static io.fleetcare.streamjobs.TestMessages.speeds;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.TestMessages;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageSequenceFunctionTest {
  private KeyedOneInputStreamOperatorTestHarness<String, VehicleMessage, VehicleMessage> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new MessageSequenceFunction(Duration.ofSeconds(10), 100),
            VehicleMessage::vin,
            Types.STRING);
    harness.setProcessingTime(0);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  private List<Long> emittedSeqs() {
    return harness.extractOutputValues().stream().map(m -> ((TelemetryMessage) m).seq()).toList();
  }

  @Test
  void dropsDuplicatesAndRestoresOrder() throws Exception {
    for (long seq : new long[] {1, 3, 2, 2, 3, 4, 1}) {
      harness.processElement(speeds(VIN, seq, (int) seq, 10), 0);
    }
    assertThat(emittedSeqs()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void skipsAGapAfterTheTimeoutAndLeavesNoTimerBehind() throws Exception {
    harness.processElement(speeds(VIN, 1, 0, 10), 0);
    harness.processElement(speeds(VIN, 3, 2, 10), 0);
    assertThat(emittedSeqs()).containsExactly(1L);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(9_999);
    assertThat(emittedSeqs()).containsExactly(1L);
    harness.setProcessingTime(10_000);
    assertThat(emittedSeqs()).containsExactly(1L, 3L);
    assertThat(harness.numProcessingTimeTimers()).isZero();

    // The straggler is let through once; its redelivery is a duplicate.
    harness.processElement(speeds(VIN, 2, 1, 10), 0);
    harness.processElement(speeds(VIN, 2, 1, 10), 0);
    assertThat(emittedSeqs()).containsExactly(1L, 3L, 2L);
  }

  @Test
  void keepsVehiclesApart() throws Exception {
    String other = "WVWZZZ1JZXW000001";
    harness.processElement(speeds(VIN, 5, 0, 10), 0);
    harness.processElement(speeds(other, 5, 0, 10), 0);
    harness.processElement(speeds(other, 6, 1, 10), 0);
    assertThat(harness.extractOutputValues())
        .extracting(VehicleMessage::vin)
        .containsExactly(VIN, other, other);
  }

  @Test
  void pendingMessagesSurviveASnapshotAndRestore() throws Exception {
    harness.processElement(speeds(VIN, 1, 0, 10), 0);
    harness.processElement(speeds(VIN, 3, 2, 10), 0);
    var snapshot = harness.snapshot(1, 1);
    harness.close();

    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new MessageSequenceFunction(Duration.ofSeconds(10), 100)),
            VehicleMessage::vin,
            Types.STRING);
    harness.initializeState(snapshot);
    harness.open();
    harness.processElement(speeds(VIN, 2, 1, 10), 0);
    assertThat(emittedSeqs()).containsExactly(2L, 3L);
  }

  @Test
  void dealerServiceEventsBypassTheVehiclesSequence() throws Exception {
    long t = TestMessages.T0.toEpochMilli();
    harness.processElement(new EventMessage(VIN, 1, List.of(new VehicleEvent.IgnitionOn(t))), 0);
    EventMessage service =
        new EventMessage(
            VIN, t, List.of(new VehicleEvent.ServicePerformed(t, "BRAKE_PADS", 42_000)));
    harness.processElement(service, 0);
    harness.processElement(
        new EventMessage(VIN, 2, List.of(new VehicleEvent.IgnitionOff(t + 1))), 0);
    assertThat(harness.extractOutputValues())
        .extracting(m -> ((EventMessage) m).seq())
        .containsExactly(1L, t, 2L);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }
}
