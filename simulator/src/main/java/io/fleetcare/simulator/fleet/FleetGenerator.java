package io.fleetcare.simulator.fleet;

import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.core.wire.VehicleProfile.FuelType;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.core.wire.Vin;
import io.fleetcare.core.wire.WireContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates a fleet from a seed. Vehicle {@code i} depends only on the fleet seed and {@code i}, so
 * growing a fleet keeps its first vehicles unchanged.
 */
public final class FleetGenerator {
  /** Characters allowed in a VIN (ISO 3779: no I, O, Q). */
  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

  /** Model-year codes of VIN position 10, from 2010. */
  private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY";

  /** Vehicles per dealer, roughly: a dealer services a few dozen connected cars. */
  private static final int VEHICLES_PER_DEALER = 40;

  private static final int FIRST_MODEL_YEAR = 2016;
  private static final int LAST_MODEL_YEAR = 2025;

  private final long fleetSeed;
  private final double hybridShare;
  private final double electricShare;
  private final double days;

  /**
   * @param fleetSeed the fleet seed
   * @param hybridShare share of hybrids
   * @param electricShare share of battery-electric cars
   * @param days simulated days (fault codes and slow leaks are planned inside this span)
   */
  public FleetGenerator(long fleetSeed, double hybridShare, double electricShare, double days) {
    this.fleetSeed = fleetSeed;
    this.hybridShare = hybridShare;
    this.electricShare = electricShare;
    this.days = days;
  }

  /** The first {@code count} vehicles of the fleet. */
  public List<VehicleSpec> generate(int count) {
    List<VehicleSpec> fleet = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fleet.add(vehicle(i));
    }
    return fleet;
  }

  /** Vehicle {@code index} of the fleet. */
  public VehicleSpec vehicle(int index) {
    long seed = Rng.derive(fleetSeed, index, 0);
    Rng rng = new Rng(Rng.derive(seed, 0, 1));

    double draw = rng.nextDouble();
    Powertrain powertrain =
        draw < electricShare
            ? Powertrain.BEV
            : draw < electricShare + hybridShare ? Powertrain.HEV : Powertrain.ICE;
    UsageProfile usage = pickUsage(rng);
    int modelYear = rng.between(FIRST_MODEL_YEAR, LAST_MODEL_YEAR);

    FuelType fuel;
    double displacementL;
    double massKg;
    switch (powertrain) {
      case ICE -> {
        fuel = rng.chance(0.25) ? FuelType.DIESEL : FuelType.PETROL;
        displacementL = round1(rng.uniform(fuel == FuelType.DIESEL ? 1.5 : 1.0, 2.5));
        massKg = Math.round(rng.uniform(1050, 1650) + 120 * (displacementL - 1.0));
      }
      case HEV -> {
        fuel = FuelType.PETROL;
        displacementL = round1(rng.uniform(1.5, 2.5));
        massKg = Math.round(rng.uniform(1300, 1750));
      }
      default -> {
        fuel = FuelType.NONE;
        displacementL = 0;
        massKg = Math.round(rng.uniform(1500, 2200));
      }
    }
    // Sensor equipment is optional in real fleets; the stream must cope with every combination.
    boolean hasPadWearSensor = rng.chance(powertrain == Powertrain.ICE ? 0.35 : 0.5);
    boolean reportsFuelRate = rng.chance(0.5);
    boolean reportsOdometer = rng.chance(0.6);
    boolean reportsTread = rng.chance(0.3);
    boolean reportsSoh = rng.chance(0.8);

    String vin = vin(rng, index, modelYear);
    String dealerId = String.format("D%03d", 1 + index / VEHICLES_PER_DEALER);
    VehicleProfile profile =
        new VehicleProfile(
            WireContract.VERSION,
            vin,
            powertrain,
            fuel,
            displacementL,
            massKg,
            modelYear,
            dealerId,
            hasPadWearSensor,
            Map.of());

    double ageYears = Math.max(0.3, 2026 - modelYear + rng.uniform(-0.5, 0.5));
    double annualKm = annualKm(usage) * rng.logNormal(1, 0.25);
    double initialOdometerKm = Math.round(ageYears * annualKm * 10) / 10.0;
    double tractionKWh =
        switch (powertrain) {
          case ICE -> 0;
          case HEV -> round1(rng.uniform(1.0, 1.8));
          case BEV -> Math.round(rng.uniform(40, 82));
        };
    double packV = powertrain == Powertrain.BEV ? Math.round(rng.uniform(350, 400)) : 200;

    return new VehicleSpec(
        index,
        seed,
        profile,
        usage,
        rng.uniform(0.58, 0.78),
        rng.uniform(0.009, 0.012),
        powertrain == Powertrain.BEV ? 0 : Math.round(rng.uniform(40, 65)),
        tractionKWh,
        powertrain == Powertrain.ICE ? 0 : packV,
        reportsFuelRate,
        reportsOdometer,
        reportsTread,
        powertrain == Powertrain.BEV && reportsSoh,
        rng.uniform(0, 1),
        rng.uniform(-4, 8),
        initialOdometerKm,
        degradation(rng, powertrain, ageYears));
  }

  private DegradationParameters degradation(Rng rng, Powertrain powertrain, double ageYears) {
    // Pad life is calibrated to roughly 40,000-60,000 km for front pads in mixed driving (rear
    // pads are thinner but brake less). See docs/simulator.md.
    double front = rng.logNormal(0.050, 0.2);
    double rear = rng.logNormal(0.075, 0.2);
    double frontWear = rng.uniform(0, 90);
    double rearWear = rng.uniform(0, 80);
    double[] padRate = {
      front, front * rng.uniform(0.97, 1.03), rear, rear * rng.uniform(0.97, 1.03)
    };
    double[] padWear = {
      clampWear(frontWear + rng.gaussian(0, 2)),
      clampWear(frontWear + rng.gaussian(0, 2)),
      clampWear(rearWear + rng.gaussian(0, 2)),
      clampWear(rearWear + rng.gaussian(0, 2))
    };

    double frontTread = rng.uniform(3.4, 8.5);
    double rearTread = Math.min(8.5, frontTread + rng.uniform(-0.5, 1.5));
    double[] tread = {
      frontTread, frontTread - rng.uniform(0, 0.2), rearTread, rearTread - rng.uniform(0, 0.2)
    };

    int leakWheel = -1;
    double leakDay = 0;
    double leakRate = 0;
    // Roughly one slow puncture per car every 12 years.
    if (rng.chance(Math.min(1, 0.08 * days / 365.0))) {
      leakWheel = rng.between(0, 3);
      leakDay = rng.uniform(0, days);
      leakRate = rng.uniform(2, 8);
    }

    List<FaultPlan> faults = new ArrayList<>();
    // About one in four cars sets a fault code per year.
    if (rng.chance(Math.min(1, 0.25 * days / 365.0))) {
      List<FaultPlan.FaultKind> kinds =
          List.of(FaultPlan.FaultKind.values()).stream()
              .filter(k -> powertrain != Powertrain.BEV || !k.needsEngine())
              .toList();
      FaultPlan.FaultKind kind = rng.pick(kinds);
      double precursor = kind.hasPrecursor() ? rng.uniform(14, 35) : 0;
      double setDay = rng.uniform(Math.min(precursor, days * 0.5), days);
      faults.add(new FaultPlan(kind, setDay, Math.min(precursor, setDay)));
    }

    return new DegradationParameters(
        padRate,
        padWear,
        rng.uniform(0.8, 1.0),
        rng.logNormal(0.055, 0.3),
        rng.logNormal(0.5, 0.3),
        rng.uniform(120, 180),
        rng.uniform(0.008, 0.011),
        1.0 + rng.uniform(0, 0.05),
        rng.logNormal(0.0006, 0.35),
        rng.logNormal(0.00005, 0.35),
        Math.round(rng.uniform(220, 260)),
        tread,
        rng.uniform(0.10, 0.16),
        rng.uniform(0.8, 2.5),
        leakWheel,
        leakDay,
        leakRate,
        powertrain == Powertrain.ICE ? 100 : Math.min(100, rng.uniform(80.8, 100.5 - ageYears)),
        rng.logNormal(1.8, 0.3),
        rng.logNormal(0.006, 0.3),
        faults);
  }

  private static double clampWear(double wear) {
    return Math.max(0, Math.min(99, wear));
  }

  private static double annualKm(UsageProfile usage) {
    return switch (usage.name()) {
      case "business" -> 35_000;
      case "ride-hailing" -> 50_000;
      case "family" -> 9_000;
      case "off-road" -> 15_000;
      default -> 14_000;
    };
  }

  private static UsageProfile pickUsage(Rng rng) {
    double total = UsageProfile.ALL.stream().mapToDouble(UsageProfile::weight).sum();
    double draw = rng.uniform(0, total);
    for (UsageProfile p : UsageProfile.ALL) {
      draw -= p.weight();
      if (draw < 0) {
        return p;
      }
    }
    return UsageProfile.COMMUTE;
  }

  /**
   * A valid North American VIN: WMI {@code 1FC}, five seed-dependent characters, check digit, model
   * year, plant {@code S} (simulated) and the vehicle's index as serial, so VINs are unique within
   * a fleet.
   */
  private static String vin(Rng rng, int index, int modelYear) {
    StringBuilder vin = new StringBuilder("1FC");
    for (int i = 0; i < 5; i++) {
      vin.append(VIN_CHARS.charAt(rng.between(0, VIN_CHARS.length() - 1)));
    }
    vin.append('0');
    vin.append(YEAR_CODES.charAt(modelYear - 2010));
    vin.append('S');
    vin.append(String.format("%06d", index + 1));
    return Vin.withCheckDigit(vin.toString());
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
