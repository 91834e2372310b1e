package io.fleetcare.streamjobs.fuel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.simulator.OutboundMessage;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.fleet.DegradationParameters;
import io.fleetcare.simulator.fleet.FleetGenerator;
import io.fleetcare.simulator.fleet.VehicleSpec;
import io.fleetcare.simulator.vehicle.SimulationContext;
import io.fleetcare.simulator.vehicle.VehicleSimulation;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.trip.TripOptions;
import io.fleetcare.streamjobs.trip.TripSegmenter;
import io.fleetcare.streamjobs.trip.TripState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuel drift on simulated cars against the simulator's own deposit level. The deposit rates are
 * raised six-fold so that a few months show the whole range up to the 15 % service threshold; the
 * true level is re-integrated from the published engine speed and coolant temperature with the
 * car's own rates (the simulator's rule: a per-hour rate, the cold one below 70 °C coolant).
 */
class FuelDriftSimulationTest {
  private static final long DAY_MS = 86_400_000L;
  private static final double BOOST = 6;
  private static final boolean DEBUG = System.getenv("FUEL_DEBUG") != null;

  @Test
  void driftFollowsTheTrueDepositLevel() {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(11)
            .vehicles(14)
            .days(150)
            .hybridShare(0.3)
            .electricShare(0)
            .sampleIntervalS(10)
            .samplesPerMessage(60)
            .threads(1)
            .build();
    SimulationContext ctx = SimulationContext.of(options);
    List<VehicleSpec> fleet =
        new FleetGenerator(options.seed(), options.hybridShare(), options.electricShare(), 150)
            .generate(options.vehicles());
    Stats ice = new Stats();
    Stats hev = new Stats();
    for (VehicleSpec original : fleet) {
      VehicleSpec spec = boosted(original);
      Stats stats = spec.powertrain() == Powertrain.HEV ? hev : ice;
      simulate(spec, ctx, options, stats);
    }
    System.out.printf(
        "fuel drift vs truth (30 d, points): ICE n=%d bias %.2f MAE %.2f max %.2f;"
            + " HEV n=%d bias %.2f MAE %.2f max %.2f%n",
        ice.n, ice.bias(), ice.mae(), ice.maxAbs, hev.n, hev.bias(), hev.mae(), hev.maxAbs);
    System.out.printf(
        "threshold: ICE %d/%d crossings seen (drift30 >= 15 %% within 30 d of the true crossing),"
            + " %d false alarms; HEV %d/%d, %d false%n",
        ice.detected, ice.crossings, ice.falseAlarms, hev.detected, hev.crossings, hev.falseAlarms);
    // Measured (seed 11): ICE bias −2.4, MAE 2.5 points; HEV bias −4.0, MAE 4.2 points. Part of
    // the negative bias is the deposit growth inside the 28-day baseline (the baseline absorbs
    // it), which the six-fold boost makes six times larger than on the unboosted simulator.
    assertThat(ice.n).isGreaterThan(100);
    assertThat(ice.mae()).isLessThan(3.5);
    assertThat(hev.mae()).isLessThan(6);
  }

  /** Error statistics of daily drift emissions against the truth over the same 30 days. */
  static final class Stats {
    int n;
    double sum;
    double sumAbs;
    double maxAbs;
    int crossings;
    int detected;
    int falseAlarms;

    void add(double error) {
      n++;
      sum += error;
      sumAbs += Math.abs(error);
      maxAbs = Math.max(maxAbs, Math.abs(error));
    }

    double bias() {
      return n == 0 ? Double.NaN : sum / n;
    }

    double mae() {
      return n == 0 ? Double.NaN : sumAbs / n;
    }
  }

  /** One qualifying trip: when, its fuel, and the true increase over the baseline meanwhile. */
  private record TruthTrip(long startMs, double fuelL, double increase) {}

  private static void simulate(
      VehicleSpec spec, SimulationContext ctx, SimulatorOptions options, Stats stats) {
    VehicleSimulation sim = new VehicleSimulation(spec, ctx);
    TripSegmenter segmenter = new TripSegmenter(TripOptions.defaults());
    TripState tripState = new TripState();
    FuelOptions fuelOptions = FuelOptions.defaults();
    FuelBaselineProcessor fuel = new FuelBaselineProcessor(fuelOptions);
    FuelState fuelState = new FuelState();
    DegradationParameters d = spec.degradation();
    double[] factor = {d.depositFactor()};
    double[] baseline = {d.depositFactor()};
    long[] lastSampleMs = {Long.MIN_VALUE};
    long[] trueCrossingMs = {Long.MIN_VALUE};
    long[] detectedMs = {Long.MIN_VALUE};
    List<TruthTrip> truth = new ArrayList<>();
    List<SignalPoint> points = new ArrayList<>();
    long start = options.start().toEpochMilli();
    for (long until = start + DAY_MS;
        until <= options.end().toEpochMilli() + DAY_MS;
        until += DAY_MS) {
      List<OutboundMessage> out = new ArrayList<>();
      sim.advanceTo(until, out);
      for (OutboundMessage m : out) {
        VehicleMessage message = m.message();
        if (message instanceof TelemetryMessage t) {
          for (Sample s : t.samples()) {
            long dt = s.tsMs() - lastSampleMs[0];
            if (dt > 0 && dt <= 120_000 && s.valueOr(SignalCatalogue.ENGINE_SPEED, 0) > 0) {
              double coolant = s.valueOr(SignalCatalogue.COOLANT_TEMPERATURE, 90);
              double rate = coolant < 70 ? d.depositPerColdHour() : d.depositPerWarmHour();
              factor[0] += rate * dt / 3_600_000.0;
            }
            lastSampleMs[0] = s.tsMs();
          }
          if (trueCrossingMs[0] == Long.MIN_VALUE && factor[0] / baseline[0] - 1 >= 0.15) {
            trueCrossingMs[0] = t.samples().getLast().tsMs();
          }
        } else if (message instanceof EventMessage e) {
          for (VehicleEvent ev : e.events()) {
            if (ev instanceof VehicleEvent.ServicePerformed sp) {
              fuel.onService(fuelState, sp.service(), sp.tsMs());
              if (sp.service().equals("ENGINE_DEPOSITS")) {
                factor[0] = 1;
                baseline[0] = 1;
                truth.clear();
                trueCrossingMs[0] = Long.MIN_VALUE;
                detectedMs[0] = Long.MIN_VALUE;
              }
            }
          }
        }
        segmenter.process(
            tripState,
            message,
            trip -> {
              if (trip.distanceKm() >= fuelOptions.minTripKm() && trip.fuelL() > 0) {
                truth.add(new TruthTrip(trip.startMs(), trip.fuelL(), factor[0] / baseline[0] - 1));
              }
              points.clear();
              fuel.onTrip(fuelState, trip, points::add);
              for (SignalPoint p : points) {
                if (DEBUG && p.name().equals(SignalNames.FUEL_DRIFT_30D_PCT)) {
                  System.out.printf(
                      "%s %s %s day %d drift30 %.2f truthNow %.2f%n",
                      spec.vin(),
                      spec.powertrain(),
                      spec.usage().name(),
                      (p.tsMs() - start) / DAY_MS,
                      p.value(),
                      (factor[0] / baseline[0] - 1) * 100);
                }
                if (p.name().equals(SignalNames.FUEL_DRIFT_30D_PCT)) {
                  compare(p, trip, truth, stats);
                  if (p.value() >= 15 && detectedMs[0] == Long.MIN_VALUE) {
                    detectedMs[0] = p.tsMs();
                  }
                }
              }
            });
      }
    }
    if (trueCrossingMs[0] != Long.MIN_VALUE) {
      stats.crossings++;
      if (detectedMs[0] != Long.MIN_VALUE && detectedMs[0] - trueCrossingMs[0] <= 30 * DAY_MS) {
        stats.detected++;
      }
    } else if (detectedMs[0] != Long.MIN_VALUE) {
      stats.falseAlarms++;
    }
  }

  /**
   * The truth over the drift's window: the fuel-weighted mean true increase of the window's trips
   * (the drift is Σ actual / Σ expected over them), in points.
   */
  private static void compare(SignalPoint p, Trip trip, List<TruthTrip> truth, Stats stats) {
    long bin = Math.floorDiv(trip.startMs(), FuelBaselineProcessor.BIN_MS);
    long from = (bin - 9) * FuelBaselineProcessor.BIN_MS;
    double fuel = 0;
    double weighted = 0;
    for (TruthTrip t : truth) {
      if (t.startMs() >= from && t.startMs() <= trip.startMs()) {
        fuel += t.fuelL();
        weighted += t.fuelL() * t.increase();
      }
    }
    if (fuel > 0) {
      stats.add(p.value() - weighted / fuel * 100);
    }
  }

  private static VehicleSpec boosted(VehicleSpec s) {
    DegradationParameters d = s.degradation();
    DegradationParameters b =
        new DegradationParameters(
            d.padWearPercentPerMJ(),
            d.initialPadWearPercent(),
            d.battery12vCapacity(),
            d.battery12vFadePerYear(),
            d.battery12vSulfationPerYear(),
            d.crankCurrentA(),
            d.battery12vResistanceOhm(),
            d.depositFactor(),
            d.depositPerColdHour() * BOOST,
            d.depositPerWarmHour() * BOOST,
            d.tyreNominalKPa(),
            d.initialTreadMm(),
            d.treadWearMmPer1000Km(),
            d.tyreSeepPercentPerMonth(),
            d.slowLeakWheel(),
            d.slowLeakStartDay(),
            d.slowLeakKPaPerDay(),
            d.initialStateOfHealthPercent(),
            d.sohFadePerYear(),
            d.sohFadePerCycle(),
            d.faults());
    return new VehicleSpec(
        s.index(),
        s.seed(),
        s.profile(),
        s.usage(),
        s.dragAreaM2(),
        s.rollingResistance(),
        s.tankL(),
        s.tractionBatteryKWh(),
        s.packNominalV(),
        s.reportsFuelRate(),
        s.reportsOdometer(),
        s.reportsTread(),
        s.reportsStateOfHealth(),
        s.aggressiveness(),
        s.climateOffsetC(),
        s.initialOdometerKm(),
        b);
  }
}
