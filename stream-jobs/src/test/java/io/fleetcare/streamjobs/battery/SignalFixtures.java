package io.fleetcare.streamjobs.battery;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures for the signal operators' tests: fixed instants, terse builders. */
public final class SignalFixtures {
  public static final String VIN = "1HGCM82633A004352";
  public static final Instant T0 = Instant.parse("2026-03-02T07:30:00Z");
  public static final long DAY_S = 86_400;

  private SignalFixtures() {}

  /** Epoch ms {@code offsetS} seconds after T0. */
  public static long at(long offsetS) {
    return T0.plusSeconds(offsetS).toEpochMilli();
  }

  /** One sample {@code offsetS} after T0 with (path, value)… */
  public static Sample sample(long offsetS, Object... pathsAndValues) {
    Map<String, Double> signals = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      signals.put((String) pathsAndValues[i], ((Number) pathsAndValues[i + 1]).doubleValue());
    }
    return new Sample(at(offsetS), signals);
  }

  public static TelemetryMessage telemetry(long seq, Sample... samples) {
    return new TelemetryMessage(VIN, seq, List.of(samples));
  }

  public static EventMessage events(long seq, VehicleEvent... events) {
    return new EventMessage(VIN, seq, List.of(events));
  }

  public static VehicleProfile profile(
      VehicleProfile.Powertrain powertrain, double massKg, boolean padSensor) {
    return new VehicleProfile(
        1,
        VIN,
        powertrain,
        powertrain == VehicleProfile.Powertrain.BEV
            ? VehicleProfile.FuelType.NONE
            : VehicleProfile.FuelType.PETROL,
        powertrain == VehicleProfile.Powertrain.BEV ? 0 : 1.5,
        massKg,
        2020,
        "D001",
        padSensor,
        Map.of());
  }

  /** The values of the points named {@code name}, in order. */
  public static List<Double> values(List<SignalPoint> points, String name) {
    return points.stream().filter(p -> p.name().equals(name)).map(SignalPoint::value).toList();
  }
}
