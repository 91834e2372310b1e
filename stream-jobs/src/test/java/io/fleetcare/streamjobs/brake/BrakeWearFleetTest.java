package io.fleetcare.streamjobs.brake;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The estimator on a simulated fleet, scored honestly against what the stream itself shows: cars
 * with pad-wear sensors are run blind (sensor ignored) and the wear the estimate accrued is
 * compared with the rise of their sensor readings, front axle (the one that reaches the limit first
 * on all but a few cars, and the one whose share of braking the estimate must get right). Cars
 * whose pads were replaced or hit the 100 % cap during the run are left out (their sensor rise is
 * not the wear). Size by {@code -Dbrake.fleet.vehicles=50 -Dbrake.fleet.days=60}.
 */
class BrakeWearFleetTest {
  private static final String[] FRONT = {
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(0)),
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(1))
  };
  private static final String[] REAR = {
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(2)),
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(3))
  };

  @Test
  void blindEstimateAgainstTheSensorsOfASimulatedFleet() throws Exception {
    int vehicles = Integer.getInteger("brake.fleet.vehicles", 24);
    int days = Integer.getInteger("brake.fleet.days", 14);
    SimulatorOptions options =
        SimulatorOptions.builder().seed(5).vehicles(vehicles).days(days).threads(1).build();
    BrakeWearProcessor blind = new BrakeWearProcessor(BrakeWearOptions.defaults(), false);
    Map<String, Car> cars = new LinkedHashMap<>();
    PayloadCodec codec = new PayloadCodec();
    new FleetSimulator(options)
        .run(
            (topic, payload, retained) -> {
              if (codec.decode(topic, payload) instanceof DecodeResult.Accepted a) {
                VehicleMessage m = a.message();
                Car car = cars.computeIfAbsent(m.vin(), v -> new Car());
                car.observe(m);
                blind.process(m.vin(), car.state, m, p -> {});
              }
            });

    List<double[]> scored = new ArrayList<>();
    System.out.println("vin                powertrain  true_pp  est_pp  error_%");
    for (Map.Entry<String, Car> e : cars.entrySet()) {
      Car car = e.getValue();
      if (!car.sensor || car.replaced || car.capped || Double.isNaN(car.firstMax)) {
        continue;
      }
      double truth = car.lastMax - car.firstMax;
      double estimate = BrakeWearOptions.defaults().priorFrontPctPerMJ() * car.state.accruedMJ;
      double error = truth >= 0.5 ? (estimate - truth) / truth * 100 : Double.NaN;
      System.out.printf(
          "%s %-10s %8.3f %7.3f %8.1f%n", e.getKey(), car.powertrain, truth, estimate, error);
      if (!Double.isNaN(error)) {
        scored.add(new double[] {error, car.powertrain == VehicleProfile.Powertrain.ICE ? 1 : 0});
      }
    }
    double[] errors = scored.stream().mapToDouble(s -> s[0]).sorted().toArray();
    double[] absErrors = Arrays.stream(errors).map(Math::abs).sorted().toArray();
    System.out.printf(
        "brake estimate vs sensor, %d cars scored (%d vehicles, %d days): median error %.1f %%,"
            + " median |error| %.1f %%, 90th pct |error| %.1f %%, within 10 %%: %d, within 20 %%: %d%n",
        errors.length,
        vehicles,
        days,
        pct(errors, 50),
        pct(absErrors, 50),
        pct(absErrors, 90),
        Arrays.stream(absErrors).filter(a -> a <= 10).count(),
        Arrays.stream(absErrors).filter(a -> a <= 20).count());
    assertThat(errors).isNotEmpty();
    // Uncalibrated, the estimate carries each car's own pad-wear rate (about ±20 % between cars)
    // and road roughness, so single cars are off by up to ~60 %; measured with 50 vehicles x 60
    // days (seed 5): 24 cars scored, median error +8 %, median |error| 18 %, 9 within 10 %.
    // The default small run (6 cars) only guards against a physics error of a factor ~2.
    assertThat(Math.abs(pct(errors, 50))).isLessThan(60);
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
  }

  private static final class Car {
    final BrakeWearState state = new BrakeWearState();
    VehicleProfile.Powertrain powertrain;
    boolean sensor;
    boolean replaced;
    boolean capped;
    double firstMax = Double.NaN;
    double lastMax = Double.NaN;

    void observe(VehicleMessage m) {
      switch (m) {
        case VehicleProfile p -> {
          powertrain = p.powertrain();
          sensor = p.hasPadWearSensor();
        }
        case TelemetryMessage t -> {
          for (Sample s : t.samples()) {
            double max = max(s, FRONT);
            capped |= max(s, REAR) >= 99.99;
            if (!Double.isNaN(max)) {
              if (Double.isNaN(firstMax)) {
                firstMax = max;
              }
              capped |= max >= 99.99;
              lastMax = max;
            }
          }
        }
        case EventMessage e -> {
          for (VehicleEvent ev : e.events()) {
            if (ev instanceof VehicleEvent.ServicePerformed sp
                && sp.service().equals("BRAKE_PADS")) {
              replaced = true;
            }
          }
        }
      }
    }

    private static double max(Sample s, String[] paths) {
      double max = Double.NaN;
      for (String path : paths) {
        double v = s.valueOr(path, Double.NaN);
        if (!Double.isNaN(v) && !(v <= max)) {
          max = v;
        }
      }
      return max;
    }
  }
}
