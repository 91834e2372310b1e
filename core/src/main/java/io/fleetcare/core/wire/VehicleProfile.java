package io.fleetcare.core.wire;

import java.util.Map;

/**
 * Vehicle facts a stream cannot tell, published retained on {@code fleet/{vin}/profile}.
 *
 * @param version schema version
 * @param vin vehicle identification number
 * @param powertrain combustion, hybrid or battery-electric
 * @param fuel fuel the engine burns ({@link FuelType#NONE} for BEVs)
 * @param engineDisplacementL engine displacement in litres (0 for BEVs)
 * @param massKg kerb mass in kilograms
 * @param modelYear model year
 * @param dealerId the dealer that services the vehicle
 * @param hasPadWearSensor whether the car reports brake pad wear
 * @param extraFields unknown fields, kept as raw JSON text by name
 */
public record VehicleProfile(
    int version,
    String vin,
    Powertrain powertrain,
    FuelType fuel,
    double engineDisplacementL,
    double massKg,
    int modelYear,
    String dealerId,
    boolean hasPadWearSensor,
    Map<String, String> extraFields)
    implements VehicleMessage {
  public VehicleProfile {
    extraFields = Ordered.map(extraFields);
  }

  /** Kind of powertrain. */
  public enum Powertrain {
    ICE,
    HEV,
    BEV
  }

  /** Fuel burnt by the engine; wire names are lower case. */
  public enum FuelType {
    PETROL,
    DIESEL,
    NONE;

    /** Name on the wire, e.g. {@code petrol}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
