package io.fleetcare.streamjobs;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures: telemetry messages built from fixed instants. */
public final class TestMessages {
  public static final String VIN = "1HGCM82633A004352";
  public static final Instant T0 = Instant.parse("2026-03-02T07:30:00Z");

  private TestMessages() {}

  /** A message of samples one second apart, starting {@code startS} after T0, at these speeds. */
  public static TelemetryMessage speeds(String vin, long seq, int startS, double... speedsKmh) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < speedsKmh.length; i++) {
      samples.add(
          new Sample(
              T0.plusSeconds(startS + i).toEpochMilli(),
              Map.of(SignalCatalogue.SPEED, speedsKmh[i])));
    }
    return new TelemetryMessage(vin, seq, samples);
  }

  /** One sample at {@code offsetS} after T0 with the given signals (path, value, path, value…). */
  public static Sample sample(int offsetS, Object... pathsAndValues) {
    Map<String, Double> signals = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      signals.put((String) pathsAndValues[i], ((Number) pathsAndValues[i + 1]).doubleValue());
    }
    return new Sample(T0.plusSeconds(offsetS).toEpochMilli(), signals);
  }

  public static VehicleProfile profile(String vin, VehicleProfile.FuelType fuel) {
    return new VehicleProfile(
        1, vin, VehicleProfile.Powertrain.ICE, fuel, 1.5, 1350, 2019, "D001", false, Map.of());
  }
}
