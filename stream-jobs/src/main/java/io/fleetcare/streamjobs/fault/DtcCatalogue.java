package io.fleetcare.streamjobs.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SAE J2012 diagnostic trouble codes: validation and plain-language descriptions. Common generic
 * codes come from the table {@code fault/dtc-descriptions.csv}; any other valid code is described
 * by its system, whether it is generic or manufacturer-specific and, for powertrain codes, its
 * subsystem (J2012's third character).
 */
public final class DtcCatalogue {
  /** System letter, 0–3, three hexadecimal characters (J2012 allows A–F since 2002). */
  private static final Pattern CODE = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");

  private static final String RESOURCE = "/fault/dtc-descriptions.csv";
  private static final Map<String, String> TABLE = load();

  private DtcCatalogue() {}

  /** The code in canonical form (trimmed, upper case) when it is a valid J2012 code. */
  public static Optional<String> normalise(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    return CODE.matcher(c).matches() ? Optional.of(c) : Optional.empty();
  }

  /** A description of a valid code: from the table, else system, group and subsystem. */
  public static String describe(String code) {
    String known = TABLE.get(code);
    if (known != null) {
      return known;
    }
    String system =
        switch (code.charAt(0)) {
          case 'P' -> "Powertrain";
          case 'C' -> "Chassis";
          case 'B' -> "Body";
          default -> "Network";
        };
    boolean generic =
        switch (code.charAt(1)) {
          case '0', '2' -> true;
          case '3' -> code.charAt(0) != 'P' || code.charAt(2) >= '4';
          default -> false;
        };
    String origin = generic ? "generic" : "manufacturer-specific";
    if (code.charAt(0) != 'P') {
      return system + ", " + origin;
    }
    String subsystem =
        switch (code.charAt(2)) {
          case '0', '1', '2' -> "fuel and air metering";
          case '3' -> "ignition system or misfire";
          case '4' -> "auxiliary emission controls";
          case '5' -> "vehicle speed, idle control and auxiliary inputs";
          case '6' -> "computer and output circuits";
          case '7', '8', '9' -> "transmission";
          case 'A', 'B', 'C' -> "hybrid propulsion";
          default -> "reserved";
        };
    return system + ", " + subsystem + " (" + origin + ")";
  }

  private static Map<String, String> load() {
    Map<String, String> table = new HashMap<>();
    try (InputStream in = DtcCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int comma = line.indexOf(',');
        String code = line.substring(0, comma).trim();
        if (normalise(code).isEmpty()) {
          throw new IllegalStateException(RESOURCE + " has an invalid code: " + code);
        }
        table.put(code, line.substring(comma + 1).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(table);
  }
}
