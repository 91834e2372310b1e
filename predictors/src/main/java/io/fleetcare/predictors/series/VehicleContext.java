package io.fleetcare.predictors.series;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about a vehicle besides the indicator being forecast.
 *
 * @param vin the vehicle
 * @param powertrain {@code ICE}, {@code HEV}, {@code BEV} or {@code UNKNOWN}
 * @param modelYear model year, 0 when unknown
 * @param massKg kerb mass, 0 when unknown
 * @param odometer daily odometer (or distance driven, when the car reports no odometer), km; may be
 *     empty
 * @param ambient daily mean air temperature, Celsius; may be empty
 * @param services service times by work-order type code (the dealer's {@code SERVICE_PERFORMED})
 */
public record VehicleContext(
    String vin,
    String powertrain,
    int modelYear,
    double massKg,
    List<ConditionPoint> odometer,
    List<ConditionPoint> ambient,
    Map<String, List<Instant>> services) {
  public VehicleContext {
    Objects.requireNonNull(vin, "vin");
    powertrain = powertrain == null ? "UNKNOWN" : powertrain;
    odometer = List.copyOf(odometer);
    ambient = List.copyOf(ambient);
    services = Map.copyOf(services);
  }

  /** A context that knows nothing but the VIN. */
  public static VehicleContext unknown(String vin) {
    return new VehicleContext(vin, "UNKNOWN", 0, 0, List.of(), List.of(), Map.of());
  }

  /** The last service of {@code component} at or before {@code now}, or null. */
  public Instant lastService(String component, Instant now) {
    Instant last = null;
    for (Instant t : services.getOrDefault(component, List.of())) {
      if (!t.isAfter(now) && (last == null || t.isAfter(last))) {
        last = t;
      }
    }
    return last;
  }
}
