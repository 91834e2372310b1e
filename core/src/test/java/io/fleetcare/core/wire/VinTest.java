package io.fleetcare.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VinTest {
  /** A real Honda Accord VIN; its check digit is '3'. */
  private static final String HONDA = "1HGCM82633A004352";

  /** A Volkswagen VIN: European manufacturers put no check digit in position 9. */
  private static final String VOLKSWAGEN = "WVWZZZ1JZXW000001";

  @ParameterizedTest
  @ValueSource(
      strings = {
        HONDA,
        "1M8GDM9AXKP042788", // check digit X (remainder 10)
        "11111111111111111", // the classic all-ones VIN is self-consistent
        VOLKSWAGEN,
        "MBJB29BT3E8012345", // India (Toyota Kirloskar), no check digit
        "JT2AE09W4P0038539", // Japan, check digit not required
      })
  void acceptsValidVins(String vin) {
    assertThat(Vin.problem(vin)).isEmpty();
    assertThat(Vin.isValid(vin)).isTrue();
  }

  @Test
  void checkDigitOfTheHondaExample() {
    assertThat(Vin.checkDigit(HONDA)).isEqualTo('3');
    assertThat(Vin.isNorthAmerican(HONDA)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(chars = {'0', '1', '2', '4', '5', '6', '7', '8', '9', 'X'})
  void rejectsANorthAmericanVinWithAnAlteredCheckDigit(char digit) {
    String altered = HONDA.substring(0, 8) + digit + HONDA.substring(9);

    assertThat(Vin.problem(altered))
        .hasValueSatisfying(
            p -> assertThat(p).contains("check digit is '" + digit + "'").contains("expected '3'"));
  }

  @Test
  void doesNotCheckTheCheckDigitOutsideNorthAmerica() {
    assertThat(Vin.isNorthAmerican(VOLKSWAGEN)).isFalse();
    assertThat(Vin.checkDigit(VOLKSWAGEN)).isNotEqualTo(VOLKSWAGEN.charAt(8));
    assertThat(Vin.isValid(VOLKSWAGEN)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "'', 0",
    "1HGCM82633A00435, 16",
    "1HGCM82633A0043521, 18",
    "' 1HGCM82633A004352', 18",
    "'1HGCM82633A004352 ', 18",
  })
  void rejectsWrongLength(String vin, int length) {
    assertThat(Vin.problem(vin)).hasValue("VIN must have 17 characters, has " + length);
  }

  @ParameterizedTest
  @CsvSource({
    "WVWZZZ1JZXW00000I, 17, I",
    "WVWZZZ1JZXW00000O, 17, O",
    "WVWZZZ1JZXW00000Q, 17, Q",
    "1hgcm82633a004352, 2, h",
    "WVW-ZZ1JZXW000001, 4, -",
    "WVW ZZ1JZXW000001, 4, ' '",
  })
  void rejectsForbiddenCharacters(String vin, int position, String character) {
    assertThat(Vin.problem(vin))
        .hasValue("VIN character " + position + " '" + character + "' is not allowed");
  }

  @ParameterizedTest
  @CsvSource({
    "WVWZZZ1JZXW00000\u00c4, \\u00c4", // A with umlaut
    "WVWZZZ1JZXW00000\uff11, \\uff11", // full-width digit one
    "WVWZZZ1JZXW00000\u0663, \\u0663", // Arabic-Indic digit three: Character.isDigit, still not
    // ASCII
    "WVWZZZ1JZXW00000\u007f, \\u007f", // DEL
  })
  void rejectsNonAsciiAndNamesItPrintably(String vin, String printable) {
    assertThat(vin).hasSize(17);
    assertThat(Vin.problem(vin)).hasValue("VIN character 17 '" + printable + "' is not allowed");
  }

  @ParameterizedTest
  @CsvSource({"1, true", "2, true", "3, true", "4, true", "5, true", "6, false", "J, false"})
  void northAmericaIsWorldManufacturerIdentifiersOneToFive(char first, boolean northAmerican) {
    assertThat(Vin.isNorthAmerican(first + HONDA.substring(1))).isEqualTo(northAmerican);
  }

  @Test
  void anEmptyStringIsNotNorthAmerican() {
    assertThat(Vin.isNorthAmerican("")).isFalse();
  }

  @Test
  void withCheckDigitRepairsPositionNine() {
    assertThat(Vin.withCheckDigit("1HGCM82603A004352")).isEqualTo(HONDA);
    assertThat(Vin.withCheckDigit("1HGCM826?3A004352")).isEqualTo(HONDA);
    assertThat(Vin.withCheckDigit(HONDA)).isEqualTo(HONDA);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1FTFW1E50PFA00001",
        "2HGFC2F59LH000002",
        "5YJ3E1EA7KF000003",
        "4T1B11HK0KU000004"
      })
  void withCheckDigitMakesNorthAmericanVinsValid(String vin) {
    String fixed = Vin.withCheckDigit(vin);

    assertThat(fixed).hasSize(17);
    assertThat(fixed.substring(0, 8)).isEqualTo(vin.substring(0, 8));
    assertThat(fixed.substring(9)).isEqualTo(vin.substring(9));
    assertThat(Vin.isValid(fixed)).isTrue();
  }

  @Test
  void withCheckDigitRejectsBadInputWithIllegalArgument() {
    assertThatThrownBy(() -> Vin.withCheckDigit("1HGCM826"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("17");
    assertThatThrownBy(() -> Vin.withCheckDigit("1HGCM82633A00435O"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("O");
  }

  @Test
  void checkDigitRejectsBadInputWithIllegalArgument() {
    assertThatThrownBy(() -> Vin.checkDigit("1HGCM")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Vin.checkDigit("1hgcm82633a004352"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
