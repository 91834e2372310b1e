package io.fleetcare.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalCatalogueTest {
  static List<Signal> signals() {
    return SignalCatalogue.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signals")
  void everySignalHasAUnitAndARange(Signal signal) {
    assertThat(signal.unit()).isNotBlank();
    assertThat(signal.min()).isFinite().isLessThan(signal.max());
    assertThat(signal.max()).isFinite();
    assertThat(signal.vssPath()).matches("(Vehicle|Fleetcare)(\\.[A-Z][A-Za-z0-9]*)+");
    assertThat(signal.accepts(signal.min())).isTrue();
    assertThat(signal.accepts(signal.max())).isTrue();
    assertThat(signal.accepts(Math.nextDown(signal.min()))).isFalse();
    assertThat(signal.accepts(Math.nextUp(signal.max()))).isFalse();
    assertThat(signal.accepts(Double.NaN)).isFalse();
    assertThat(SignalCatalogue.find(signal.vssPath())).contains(signal);
  }

  @Test
  void pathsAreUnique() {
    assertThat(SignalCatalogue.all()).extracting(Signal::vssPath).doesNotHaveDuplicates();
  }

  @Test
  void obdPidsAreUniqueMode01Pids() {
    List<Integer> pids =
        SignalCatalogue.all().stream()
            .map(Signal::obdPid)
            .filter(OptionalInt::isPresent)
            .map(OptionalInt::getAsInt)
            .toList();

    assertThat(pids)
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allSatisfy(pid -> assertThat(pid).isBetween(0x01, 0xFF));
  }

  @ParameterizedTest
  @CsvSource({
    "Vehicle.Speed, 0D, km/h",
    "Vehicle.Powertrain.CombustionEngine.Speed, 0C, rpm",
    "Vehicle.OBD.FuelRate, 5E, l/h",
    "Vehicle.OBD.MAF, 10, g/s",
    "Vehicle.Powertrain.FuelSystem.Level, 2F, percent",
    "Vehicle.LowVoltageBattery.CurrentVoltage, 42, V",
    "Vehicle.Exterior.AirTemperature, 46, celsius",
  })
  void obdPidsAndUnitsOfTheDesignTable(String path, String pidHex, String unit) {
    assertThat(SignalCatalogue.find(path))
        .hasValueSatisfying(
            s -> {
              assertThat(s.obdPid()).hasValue(Integer.parseInt(pidHex, 16));
              assertThat(s.unit()).isEqualTo(unit);
            });
  }

  /** Every path of the DESIGN.md signal table is catalogued. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Vehicle.Speed",
        "Vehicle.TraveledDistance",
        "Vehicle.Powertrain.CombustionEngine.Speed",
        "Vehicle.OBD.FuelRate",
        "Vehicle.OBD.MAF",
        "Vehicle.Powertrain.FuelSystem.Level",
        "Vehicle.LowVoltageBattery.CurrentVoltage",
        "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current",
        "Vehicle.Powertrain.TractionBattery.CurrentCurrent",
        "Vehicle.Powertrain.TractionBattery.CurrentVoltage",
        "Vehicle.Powertrain.TractionBattery.StateOfHealth",
        "Vehicle.Chassis.Axle.Row1.Wheel.Left.Brake.PadWear",
        "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure",
        "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Temperature",
        "Vehicle.Exterior.AirTemperature",
        "Vehicle.CurrentLocation.Latitude",
        "Vehicle.CurrentLocation.Longitude",
        "Fleetcare.Tire.Row2.Left.TreadDepth",
      })
  void coversTheDesignTable(String path) {
    assertThat(SignalCatalogue.find(path)).isPresent();
    assertThat(SignalCatalogue.isAlias(path)).isFalse();
  }

  @Test
  void onlyLocationIsPersonalData() {
    assertThat(SignalCatalogue.all())
        .filteredOn(Signal::personalData)
        .extracting(Signal::vssPath)
        .containsExactlyInAnyOrder(SignalCatalogue.LATITUDE, SignalCatalogue.LONGITUDE);
  }

  static Stream<Map.Entry<String, String>> aliases() {
    return SignalCatalogue.aliases().entrySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aliases")
  void aliasesResolveToCataloguedSignals(Map.Entry<String, String> alias) {
    String path = alias.getKey();
    String canonical = alias.getValue();

    assertThat(SignalCatalogue.isAlias(path)).isTrue();
    assertThat(SignalCatalogue.canonical(path)).isEqualTo(canonical);
    assertThat(SignalCatalogue.find(path)).isPresent().isEqualTo(SignalCatalogue.find(canonical));
    assertThat(SignalCatalogue.all())
        .extracting(Signal::vssPath)
        .contains(canonical)
        .doesNotContain(path);
    assertThat(SignalCatalogue.isAlias(canonical)).as("no alias chains").isFalse();
  }

  @Test
  void controlModuleVoltageIsTheTwelveVoltBattery() {
    assertThat(SignalCatalogue.canonical(SignalCatalogue.CONTROL_MODULE_VOLTAGE))
        .isEqualTo(SignalCatalogue.BATTERY_12V_VOLTAGE);
  }

  @Test
  void aliasesIterateInAStableOrder() {
    assertThat(SignalCatalogue.aliases().keySet())
        .containsExactly(
            "Vehicle.OBD.ControlModuleVoltage",
            "Vehicle.OBD.Speed",
            "Vehicle.OBD.EngineSpeed",
            "Vehicle.OBD.FuelLevel",
            "Vehicle.OBD.AmbientAirTemperature");
  }

  @Test
  void unknownPathsAreTheirOwnCanonicalPathAndNotFound() {
    assertThat(SignalCatalogue.canonical("Vendor.Thing")).isEqualTo("Vendor.Thing");
    assertThat(SignalCatalogue.isAlias("Vendor.Thing")).isFalse();
    assertThat(SignalCatalogue.find("Vendor.Thing")).isEmpty();
    assertThat(SignalCatalogue.find("vehicle.speed")).as("paths are case-sensitive").isEmpty();
  }

  @Test
  void wheelPathHelpers() {
    assertThat(SignalCatalogue.WHEELS)
        .containsExactly(
            "Row1.Wheel.Left", "Row1.Wheel.Right", "Row2.Wheel.Left", "Row2.Wheel.Right");
    assertThat(SignalCatalogue.padWear("Row1.Wheel.Left"))
        .isEqualTo("Vehicle.Chassis.Axle.Row1.Wheel.Left.Brake.PadWear");
    assertThat(SignalCatalogue.tirePressure("Row2.Wheel.Right"))
        .isEqualTo("Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure");
    assertThat(SignalCatalogue.tireTemperature("Row1.Wheel.Right"))
        .isEqualTo("Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Temperature");
    assertThat(SignalCatalogue.treadDepth("Row2.Wheel.Left"))
        .isEqualTo("Fleetcare.Tire.Row2.Left.TreadDepth");
  }

  @ParameterizedTest
  @MethodSource("wheels")
  void everyWheelHasItsFourSignals(String wheel) {
    assertThat(SignalCatalogue.find(SignalCatalogue.padWear(wheel)))
        .hasValueSatisfying(s -> assertThat(s.unit()).isEqualTo("percent"));
    assertThat(SignalCatalogue.find(SignalCatalogue.tirePressure(wheel)))
        .hasValueSatisfying(s -> assertThat(s.unit()).isEqualTo("kPa"));
    assertThat(SignalCatalogue.find(SignalCatalogue.tireTemperature(wheel)))
        .hasValueSatisfying(s -> assertThat(s.unit()).isEqualTo("celsius"));
    assertThat(SignalCatalogue.find(SignalCatalogue.treadDepth(wheel)))
        .hasValueSatisfying(s -> assertThat(s.unit()).isEqualTo("mm"));
  }

  static List<String> wheels() {
    return SignalCatalogue.WHEELS;
  }

  @Test
  void padWearHundredMeansWornAndIsAccepted() {
    Signal padWear = SignalCatalogue.find(SignalCatalogue.padWear("Row1.Wheel.Left")).orElseThrow();

    assertThat(padWear.accepts(100)).isTrue();
    assertThat(padWear.accepts(100.01)).isFalse();
  }

  @Test
  void theCatalogueCannotBeChanged() {
    assertThatThrownBy(() -> SignalCatalogue.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> SignalCatalogue.aliases().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSignalWithMinAboveMaxIsRefused() {
    assertThatThrownBy(() -> new Signal("Vendor.X", "V", OptionalInt.empty(), 2, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Vendor.X");
    assertThatThrownBy(() -> new Signal("Vendor.X", "V", OptionalInt.empty(), Double.NaN, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
