package io.fleetcare.streamjobs.brake;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.VehicleSummary;
import io.fleetcare.simulator.fleet.VehicleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The estimator on a simulated fleet, every car run blind (pad-wear sensors ignored, as for a car
 * without one) and scored against the simulator's ground truth at the end of the run: the friction-
 * braking energy its physics computed, and the wear of the worst wheel since the later of the run's
 * start and the last pad change.
 *
 * <p>The error is split in two. <b>Physics</b>: the estimator's friction energy against the
 * simulator's. <b>Wear rate</b>: with the physics exact, the estimate is still off by the car's own
 * wear per MJ against the prior, which the simulator draws per car (log-normal, sigma 0.2, front
 * and rear apart, ×1.3 on rough roads) and no wire signal reveals until a sensor reading or two pad
 * changes calibrate it. Size by {@code -Dbrake.fleet.vehicles=50 -Dbrake.fleet.days=60
 * -Dbrake.fleet.seeds=5,11}; samples every second (the simulator's default).
 */
class BrakeWearFleetTest {
  @Test
  void blindEstimateAgainstTheSimulatorsGroundTruth() throws Exception {
    int vehicles = Integer.getInteger("brake.fleet.vehicles", 16);
    int days = Integer.getInteger("brake.fleet.days", 10);
    int sampleIntervalS = Integer.getInteger("brake.fleet.sampleIntervalS", 1);
    long[] seeds =
        Arrays.stream(System.getProperty("brake.fleet.seeds", "5").split(","))
            .mapToLong(Long::parseLong)
            .toArray();
    for (long seed : seeds) {
      score(seed, vehicles, days, sampleIntervalS);
    }
  }

  private static void score(long seed, int vehicles, int days, int sampleIntervalS)
      throws Exception {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(seed)
            .vehicles(vehicles)
            .days(days)
            .sampleIntervalS(sampleIntervalS)
            .samplesPerMessage(Math.max(10, 600 / sampleIntervalS))
            .threads(1)
            .build();
    BrakeWearOptions brakeOptions = BrakeWearOptions.defaults();
    BrakeWearProcessor blind = new BrakeWearProcessor(brakeOptions, false);
    Map<String, BrakeWearState> states = new HashMap<>();
    PayloadCodec codec = new PayloadCodec();
    FleetSimulator simulator = new FleetSimulator(options);
    SimulationSummary summary =
        simulator.run(
            (topic, payload, retained) -> {
              if (codec.decode(topic, payload) instanceof DecodeResult.Accepted a) {
                VehicleMessage m = a.message();
                BrakeWearState state = states.computeIfAbsent(m.vin(), v -> new BrakeWearState());
                blind.process(m.vin(), state, m, p -> {});
              }
            });

    List<Double> wearErrors = new ArrayList<>();
    List<Double> rateOnlyErrors = new ArrayList<>();
    List<Double> physicsErrorsIceHev = new ArrayList<>();
    List<Double> physicsErrorsBev = new ArrayList<>();
    System.out.printf(
        "seed %d, %d vehicles, %d days, samples every %d s%n"
            + "vin               pt  sensor true_MJ   est_MJ  phys_%% true_pp  est_pp  wear_%%"
            + " rate_only_%%%n",
        seed, vehicles, days, sampleIntervalS);
    for (int i = 0; i < vehicles; i++) {
      VehicleSpec spec = simulator.fleet().get(i);
      VehicleSummary truth = summary.vehicles().get(i);
      BrakeWearState state = states.get(truth.vin());
      double trueMJ = truth.frictionBrakingMJ();
      if (state == null || trueMJ < 1) {
        continue; // under ~0.02 % of wear: nothing to score
      }
      double physicsError = (state.totalMJ - trueMJ) / trueMJ * 100;
      double truePct = 0;
      for (int w = 0; w < 4; w++) {
        truePct =
            Math.max(
                truePct,
                Math.min(truth.padWearEndPercent().get(w), truth.padWearGainedPercent().get(w)));
      }
      double estPct = blind.accruedPct(state);
      double wearError = (estPct - truePct) / truePct * 100;
      // With exact physics the accrued wear would be prior x true energy since the pad change.
      double rateOnly = (estPct / state.accruedMJ * trueMJ - truePct) / truePct * 100;
      boolean sinceChange = truth.padWearEndPercent().get(0) < truth.padWearGainedPercent().get(0);
      System.out.printf(
          "%s %s %-6s %8.2f %8.2f %6.1f %7.3f %7.3f %6.1f %6.1f%s%n",
          truth.vin(),
          spec.powertrain(),
          spec.profile().hasPadWearSensor(),
          trueMJ,
          state.totalMJ,
          physicsError,
          truePct,
          estPct,
          wearError,
          rateOnly,
          sinceChange ? "  (pads changed)" : "");
      (spec.powertrain() == Powertrain.BEV ? physicsErrorsBev : physicsErrorsIceHev)
          .add(physicsError);
      wearErrors.add(wearError);
      if (!sinceChange) {
        rateOnlyErrors.add(rateOnly);
      }
    }
    System.out.printf(
        "seed %d: %d cars scored. Physics |error| ICE/HEV median %.1f %%, max %.1f %%; BEV median"
            + " %.1f %%, max %.1f %%.%n  Wear: %s%n  Wear with exact physics (rate only): %s%n",
        seed,
        wearErrors.size(),
        pct(abs(physicsErrorsIceHev), 50),
        pct(abs(physicsErrorsIceHev), 100),
        pct(abs(physicsErrorsBev), 50),
        pct(abs(physicsErrorsBev), 100),
        distribution(wearErrors),
        distribution(rateOnlyErrors));

    assertThat(wearErrors).isNotEmpty();
    // The physics is the estimator's part and must match: every car's drag area and rolling
    // resistance are not on the wire (±15 % each around the defaults), which is all that separates
    // the two at one sample a second; for a BEV, friction is the small remainder above its 60 kW
    // regeneration, so that uncertainty weighs more.
    assertThat(pct(abs(physicsErrorsIceHev), 100)).isLessThan(10);
    assertThat(physicsErrorsBev.isEmpty() ? 0 : pct(abs(physicsErrorsBev), 100)).isLessThan(25);
    // The wear adds each car's own rate (see above), which only a sensor or two pad changes tell,
    // and the prior's typical pad life is not the simulator's median rate either (measured: +8 to
    // +26 % median on different fleets). This only guards against a factor error in the prior.
    assertThat(Math.abs(pct(sorted(wearErrors), 50))).isLessThan(50);
  }

  private static String distribution(List<Double> errors) {
    double[] sorted = sorted(errors);
    double[] abs = abs(errors);
    return String.format(
        "%d cars, error min %+.1f / p10 %+.1f / median %+.1f / p90 %+.1f / max %+.1f %%,"
            + " median |error| %.1f %%, within 10 %%: %d, within 20 %%: %d",
        sorted.length,
        pct(sorted, 0),
        pct(sorted, 10),
        pct(sorted, 50),
        pct(sorted, 90),
        pct(sorted, 100),
        pct(abs, 50),
        Arrays.stream(abs).filter(a -> a <= 10).count(),
        Arrays.stream(abs).filter(a -> a <= 20).count());
  }

  private static double[] sorted(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double[] abs(List<Double> values) {
    return values.stream().mapToDouble(Math::abs).sorted().toArray();
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
  }
}
