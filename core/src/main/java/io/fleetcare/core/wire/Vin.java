package io.fleetcare.core.wire;

import java.util.Optional;

/**
 * Vehicle identification number checks per ISO 3779.
 *
 * <p>A VIN has 17 characters from {@code A-Z0-9} without {@code I}, {@code O} and {@code Q}. The
 * check digit in position 9 is mandatory only for North American vehicles (world manufacturer
 * identifiers starting with 1–5), so it is verified for those alone.
 */
public final class Vin {
  /** Length of every VIN. */
  public static final int LENGTH = 17;

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private Vin() {}

  /**
   * Returns why {@code vin} is not a valid VIN, or empty when it is.
   *
   * @param vin the candidate, exactly as received (no trimming or case folding)
   */
  public static Optional<String> problem(String vin) {
    if (vin.length() != LENGTH) {
      return Optional.of("VIN must have 17 characters, has " + vin.length());
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = vin.charAt(i);
      if (transliterate(c) < 0) {
        return Optional.of("VIN character " + (i + 1) + " '" + printable(c) + "' is not allowed");
      }
    }
    if (isNorthAmerican(vin)) {
      char expected = checkDigit(vin);
      if (vin.charAt(8) != expected) {
        return Optional.of(
            "VIN check digit is '" + vin.charAt(8) + "', expected '" + expected + "'");
      }
    }
    return Optional.empty();
  }

  /** True when {@code vin} is valid (see {@link #problem(String)}). */
  public static boolean isValid(String vin) {
    return problem(vin).isEmpty();
  }

  /** North American manufacturer identifiers start with 1–5 and must carry a check digit. */
  public static boolean isNorthAmerican(String vin) {
    if (vin.isEmpty()) {
      return false;
    }
    char first = vin.charAt(0);
    return first >= '1' && first <= '5';
  }

  /**
   * Computes the check digit (position 9) of a 17-character VIN made of allowed characters.
   *
   * @throws IllegalArgumentException if the VIN has a wrong length or characters
   */
  public static char checkDigit(String vin) {
    if (vin.length() != LENGTH) {
      throw new IllegalArgumentException("VIN must have 17 characters");
    }
    int sum = 0;
    for (int i = 0; i < LENGTH; i++) {
      int value = transliterate(vin.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("VIN character not allowed: " + vin.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    int remainder = sum % 11;
    return remainder == 10 ? 'X' : (char) ('0' + remainder);
  }

  /**
   * Returns {@code vin} with its check digit set, for generating valid North American VINs.
   *
   * @throws IllegalArgumentException if the VIN has a wrong length or characters (position 9 may
   *     hold anything; it is replaced)
   */
  public static String withCheckDigit(String vin) {
    if (vin.length() != LENGTH) {
      throw new IllegalArgumentException("VIN must have 17 characters, has " + vin.length());
    }
    char digit = checkDigit(vin.substring(0, 8) + '0' + vin.substring(9));
    return vin.substring(0, 8) + digit + vin.substring(9);
  }

  /** ISO 3779 transliteration of a VIN character, or -1 when the character is not allowed. */
  private static int transliterate(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> -1;
    };
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
