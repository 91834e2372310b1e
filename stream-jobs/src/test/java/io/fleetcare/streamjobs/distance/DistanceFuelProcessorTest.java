package io.fleetcare.streamjobs.distance;

import static io.fleetcare.streamjobs.TestMessages.VIN;
import static io.fleetcare.streamjobs.TestMessages.profile;
import static io.fleetcare.streamjobs.TestMessages.sample;
import static io.fleetcare.streamjobs.TestMessages.speeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistanceFuelProcessorTest {
  private final DistanceFuelProcessor processor = new DistanceFuelProcessor(120);
  private final DistanceFuelState state = new DistanceFuelState();

  @Test
  void integratesSpeedWithTheTrapezoidRule() {
    // 0 → 36 → 72 → 72 km/h over 3 s: (18 + 54 + 72) km/h × 1 s = 0.04 km.
    DistanceFuelIncrement inc = processor.process(state, speeds(VIN, 1, 0, 0, 36, 72, 72));
    assertThat(inc.distanceKm()).isCloseTo(0.04, within(1e-12));
    assertThat(inc.samples()).isEqualTo(4);
    assertThat(inc.seq()).isEqualTo(1);
  }

  @Test
  void joinsTheIntervalBetweenConsecutiveMessages() {
    processor.process(state, speeds(VIN, 1, 0, 36, 36));
    DistanceFuelIncrement second = processor.process(state, speeds(VIN, 2, 2, 36, 36));
    // 2 intervals of 1 s at 36 km/h (one joining the messages) = 0.02 km.
    assertThat(second.distanceKm()).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void doesNotIntegrateAcrossALongGap() {
    processor.process(state, speeds(VIN, 1, 0, 50));
    DistanceFuelIncrement after = processor.process(state, speeds(VIN, 2, 600, 50, 50));
    assertThat(after.distanceKm()).isCloseTo(50 / 3600.0, within(1e-12));
  }

  @Test
  void prefersOdometerDeltasOverSpeed() {
    TelemetryMessage m =
        new TelemetryMessage(
            VIN,
            1,
            List.of(
                sample(0, SignalCatalogue.SPEED, 10, SignalCatalogue.TRAVELED_DISTANCE, 1_000_000),
                sample(
                    1, SignalCatalogue.SPEED, 10, SignalCatalogue.TRAVELED_DISTANCE, 1_000_020)));
    assertThat(processor.process(state, m).distanceKm()).isCloseTo(0.020, within(1e-12));
  }

  @Test
  void fallsBackToSpeedWhenTheOdometerJumpsImplausibly() {
    TelemetryMessage m =
        new TelemetryMessage(
            VIN,
            1,
            List.of(
                sample(0, SignalCatalogue.SPEED, 36, SignalCatalogue.TRAVELED_DISTANCE, 1_000_000),
                sample(
                    1, SignalCatalogue.SPEED, 36, SignalCatalogue.TRAVELED_DISTANCE, 9_000_000)));
    assertThat(processor.process(state, m).distanceKm()).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void fuelFromFuelRate() {
    TelemetryMessage m =
        new TelemetryMessage(
            VIN,
            1,
            List.of(
                sample(0, SignalCatalogue.FUEL_RATE, 3.6),
                sample(10, SignalCatalogue.FUEL_RATE, 7.2)));
    // mean 5.4 l/h over 10 s = 0.015 l
    assertThat(processor.process(state, m).fuelL()).isCloseTo(0.015, within(1e-12));
  }

  @Test
  void fuelFromMafUsesTheProfilesFuel() {
    TelemetryMessage m =
        new TelemetryMessage(
            VIN,
            1,
            List.of(sample(0, SignalCatalogue.MAF, 14.5), sample(1, SignalCatalogue.MAF, 14.5)));
    processor.onProfile(state, profile(VIN, VehicleProfile.FuelType.DIESEL));
    // 14.5 g air / 14.5 = 1 g diesel = 1/832 l
    assertThat(processor.process(state, m).fuelL()).isCloseTo(1 / 832.0, within(1e-12));

    DistanceFuelState petrol = new DistanceFuelState();
    TelemetryMessage p =
        new TelemetryMessage(
            VIN,
            1,
            List.of(sample(0, SignalCatalogue.MAF, 14.7), sample(1, SignalCatalogue.MAF, 14.7)));
    assertThat(processor.process(petrol, p).fuelL()).isCloseTo(1 / 745.0, within(1e-12));
  }

  @Test
  void repeatedAndOutOfOrderSamplesAddNothing() {
    processor.process(state, speeds(VIN, 1, 0, 36, 36));
    DistanceFuelIncrement replayed = processor.process(state, speeds(VIN, 2, 0, 36, 36));
    assertThat(replayed.distanceKm()).isZero();
  }

  @Test
  void aStragglerAfterItsSuccessorsIsIntegratedOnItsOwn() {
    // Two readers: seq 3 overtakes seqs 1 and 2 (a vehicle's first messages, FleetPipelineIT).
    processor.process(state, speeds(VIN, 3, 10, 36, 36, 36));
    DistanceFuelIncrement first = processor.process(state, speeds(VIN, 1, 0, 36, 36, 36));
    DistanceFuelIncrement second = processor.process(state, speeds(VIN, 2, 5, 36, 36, 36));
    DistanceFuelIncrement fourth = processor.process(state, speeds(VIN, 4, 13, 36, 36));
    // Each: 2 intervals of 1 s at 36 km/h inside the message; the joins to its neighbours are lost.
    assertThat(first.distanceKm()).isCloseTo(0.02, within(1e-12));
    assertThat(second.distanceKm()).isCloseTo(0.02, within(1e-12));
    // seq 4 goes on from seq 3 (12 s → 13 s → 14 s).
    assertThat(fourth.distanceKm()).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void aStragglerOfASkippedGapIsIntegratedOnItsOwn() {
    processor.process(state, speeds(VIN, 1, 0, 36, 36));
    processor.process(state, speeds(VIN, 3, 10, 36, 36));
    assertThat(processor.process(state, speeds(VIN, 2, 5, 36, 36)).distanceKm())
        .isCloseTo(0.01, within(1e-12));
    // seq 4 goes on from seq 3, not from the straggler.
    assertThat(processor.process(state, speeds(VIN, 4, 12, 36)).distanceKm())
        .isCloseTo(0.01, within(1e-12));
  }

  @Test
  void onlyTheNewPartOfAnOverlappingMessageCounts() {
    processor.process(state, speeds(VIN, 1, 0, 36, 36, 36));
    // Samples at 1 s and 2 s were integrated already; 3 s and 4 s go on from 2 s.
    DistanceFuelIncrement overlap = processor.process(state, speeds(VIN, 2, 1, 36, 36, 36, 36));
    assertThat(overlap.distanceKm()).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void aGatewayThatRestartsItsNumberingGoesOn() {
    processor.process(state, speeds(VIN, 500, 0, 36, 36));
    // The sequencer passes a reset (lower seq, newer samples) on as the new numbering.
    assertThat(processor.process(state, speeds(VIN, 1, 2, 36, 36)).distanceKm())
        .isCloseTo(0.02, within(1e-12));
    assertThat(processor.process(state, speeds(VIN, 2, 4, 36)).distanceKm())
        .isCloseTo(0.01, within(1e-12));
  }

  @Test
  void rejectsANonPositiveGap() {
    assertThatThrownBy(() -> new DistanceFuelProcessor(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxGapS");
  }
}
