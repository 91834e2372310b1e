package io.fleetcare.streamjobs.fault;

import static io.fleetcare.streamjobs.battery.SignalFixtures.DAY_S;
import static io.fleetcare.streamjobs.battery.SignalFixtures.VIN;
import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.FaultCodeChange.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultCodeProcessorTest {
  private final FaultCodeProcessor processor = FaultCodeProcessor.defaults();
  private final FaultCodeState state = new FaultCodeState();
  private final List<FaultCodeChange> out = new ArrayList<>();

  @Test
  void setThenPersistentInALaterTripThenCleared() {
    processor.process(VIN, state, events(1, new VehicleEvent.DtcSet(at(10), "p0171")), out::add);
    processor.process(VIN, state, events(2, new VehicleEvent.DtcSet(at(20), "P0171")), out::add);
    processor.process(
        VIN,
        state,
        events(
            3, new VehicleEvent.IgnitionOn(at(3600)), new VehicleEvent.DtcSet(at(3601), "P0171")),
        out::add);
    processor.process(
        VIN, state, events(4, new VehicleEvent.DtcCleared(at(7200), "P0171")), out::add);
    assertThat(out)
        .extracting(
            FaultCodeChange::code,
            FaultCodeChange::status,
            FaultCodeChange::tsMs,
            FaultCodeChange::firstSetMs)
        .containsExactly(
            tuple("P0171", Status.SET, at(10), at(10)),
            tuple("P0171", Status.PERSISTENT, at(3601), at(10)),
            tuple("P0171", Status.CLEARED, at(7200), at(10)));
    assertThat(out.getFirst().description()).isEqualTo("System too lean (bank 1)");
    assertThat(state.codes).containsOnlyNulls();
  }

  @Test
  void stillSetAfterTheConfirmationTimeIsPersistent() {
    processor.process(VIN, state, events(1, new VehicleEvent.DtcSet(at(0), "C0035")), out::add);
    processor.process(VIN, state, events(2, new VehicleEvent.IgnitionOff(at(DAY_S))), out::add);
    assertThat(out)
        .extracting(FaultCodeChange::status)
        .containsExactly(Status.SET, Status.PERSISTENT);
  }

  @Test
  void invalidCodesAreDroppedAndAServiceClearsEverything() {
    processor.process(
        VIN,
        state,
        events(
            1,
            new VehicleEvent.DtcSet(at(0), "X0171"),
            new VehicleEvent.DtcSet(at(0), "P4171"),
            new VehicleEvent.DtcSet(at(0), "P01G1"),
            new VehicleEvent.DtcSet(at(1), "P0420"),
            new VehicleEvent.DtcSet(at(2), "U1234")),
        out::add);
    processor.process(
        VIN,
        state,
        events(2, new VehicleEvent.ServicePerformed(at(60), "FAULT_CODE", 1)),
        out::add);
    assertThat(out)
        .extracting(FaultCodeChange::code, FaultCodeChange::status)
        .containsExactly(
            tuple("P0420", Status.SET),
            tuple("U1234", Status.SET),
            tuple("P0420", Status.CLEARED),
            tuple("U1234", Status.CLEARED));
  }

  @Test
  void descriptionsComeFromTheTableOrTheCodeStructure() {
    assertThat(DtcCatalogue.describe("P0562")).isEqualTo("System voltage low");
    assertThat(DtcCatalogue.describe("P0399"))
        .isEqualTo("Powertrain, ignition system or misfire (generic)");
    assertThat(DtcCatalogue.describe("P1301"))
        .isEqualTo("Powertrain, ignition system or misfire (manufacturer-specific)");
    assertThat(DtcCatalogue.describe("B1234")).isEqualTo("Body, manufacturer-specific");
    assertThat(DtcCatalogue.normalise(" c0035 ")).contains("C0035");
    assertThat(DtcCatalogue.normalise("P00")).isEmpty();
  }
}
