package io.fleetcare.simulator.trip;

import io.fleetcare.simulator.fleet.Rng;
import java.util.Arrays;

/**
 * Builds a trip's per-second speed profile: urban legs of accelerate / cruise / brake with stops at
 * lights and junctions, an optional highway leg, rough-road stretches. The profile starts and ends
 * at standstill with a few seconds of idling, so a trip's samples start and end at speed 0.
 *
 * <p>Accelerations follow light-vehicle drive-cycle figures: 1–2.5 m/s² away from a stop, braking
 * 1.5–3.5 m/s², both scaled by the driver's aggressiveness.
 */
public final class TripProfileGenerator {
  private static final double KMH_PER_MS = 3.6;

  private final double aggressiveness;

  /**
   * @param aggressiveness 0..1 driving style of the vehicle's driver
   */
  public TripProfileGenerator(double aggressiveness) {
    this.aggressiveness = aggressiveness;
  }

  /** The speed in km/h for each second of the trip, index 0 = ignition on. */
  public double[] generate(TripPlan plan, Rng rng) {
    Profile p = new Profile();
    p.idle(rng.between(4, 25));
    double targetM = plan.distanceKm() * 1000;
    double highwayStartM = plan.highway() ? targetM * rng.uniform(0.1, 0.3) : Double.MAX_VALUE;
    double highwayEndM = plan.highway() ? targetM * rng.uniform(0.75, 0.92) : Double.MAX_VALUE;
    while (p.distanceM < targetM) {
      if (p.distanceM >= highwayStartM && p.distanceM < highwayEndM) {
        highwayLeg(p, highwayEndM, rng);
      } else {
        urbanLeg(
            p, plan, Math.min(targetM, p.distanceM < highwayStartM ? highwayStartM : targetM), rng);
      }
    }
    p.brakeTo(0, brakeMs2(rng));
    p.idle(rng.between(3, 15));
    return p.toArray();
  }

  /** Drive from a standstill (or any speed) to the next stop or slow-down. */
  private void urbanLeg(Profile p, TripPlan plan, double untilM, Rng rng) {
    boolean rough = rng.chance(plan.roughRoad());
    double cruise =
        rough
            ? rng.uniform(20, 45)
            : rng.uniform(30, 52)
                + 8 * aggressiveness
                + (rng.chance(0.25) ? rng.uniform(0, 25) : 0);
    // Denser stops in stop-and-go traffic: mean spacing 900 m in free flow, 200 m in congestion.
    double spacingM = rng.exponential(900 - 700 * plan.stopAndGo()) + 60;
    p.accelerateTo(cruise, accelMs2(rng, cruise));
    double legEnd = Math.min(untilM, p.distanceM + spacingM);
    p.cruise(cruise, legEnd, rough ? 4 : 1.5, rng);
    if (p.distanceM >= untilM) {
      return;
    }
    if (rng.chance(0.35 + 0.5 * plan.stopAndGo())) {
      p.brakeTo(0, brakeMs2(rng));
      p.idle(rng.chance(0.6) ? rng.between(5, 45) : rng.between(1, 4));
    } else {
      p.brakeTo(rng.uniform(10, 25), brakeMs2(rng) * 0.7);
    }
  }

  private void highwayLeg(Profile p, double untilM, Rng rng) {
    double cruise = rng.uniform(95, 120) + 15 * aggressiveness;
    p.accelerateTo(cruise, accelMs2(rng, cruise) * 0.8);
    double legEnd = Math.min(untilM, p.distanceM + rng.exponential(12_000) + 1_000);
    p.cruise(cruise, legEnd, 3, rng);
    if (p.distanceM < untilM && rng.chance(0.3)) {
      // Traffic: slow down, crawl, pick up again.
      p.brakeTo(rng.uniform(30, 70), brakeMs2(rng) * 0.6);
      p.cruise(p.speed, p.distanceM + rng.uniform(300, 2000), 3, rng);
    }
    if (p.distanceM >= untilM) {
      p.brakeTo(50, brakeMs2(rng) * 0.6);
    }
  }

  private double accelMs2(Rng rng, double targetKmh) {
    double a = rng.uniform(1.0, 1.6) + 0.9 * aggressiveness;
    return targetKmh > 80 ? a * 0.7 : a;
  }

  private double brakeMs2(Rng rng) {
    return rng.uniform(1.5, 2.4) + 1.1 * aggressiveness;
  }

  /** A growing per-second speed trace and the distance it covers. */
  private static final class Profile {
    private double[] speeds = new double[1024];
    private int size;
    private double speed;
    private double distanceM;

    void add(double kmh) {
      if (size == speeds.length) {
        speeds = Arrays.copyOf(speeds, size * 2);
      }
      speed = Math.max(0, kmh);
      speeds[size++] = speed;
      distanceM += speed / KMH_PER_MS;
    }

    void idle(int seconds) {
      for (int i = 0; i < seconds; i++) {
        add(0);
      }
    }

    void accelerateTo(double target, double ms2) {
      while (speed < target - 0.5) {
        // Acceleration falls with speed as engine power limits it.
        double a = ms2 * (1 - 0.5 * speed / 150.0);
        add(Math.min(target, speed + a * KMH_PER_MS));
      }
    }

    void brakeTo(double target, double ms2) {
      while (speed > target + 0.5) {
        add(Math.max(target, speed - ms2 * KMH_PER_MS));
      }
      if (target == 0 && speed > 0) {
        add(0);
      }
    }

    /** Hold about {@code kmh} until {@code untilM}, wandering like a real driver does. */
    void cruise(double kmh, double untilM, double wanderKmh, Rng rng) {
      double offset = 0;
      while (distanceM < untilM) {
        // Ornstein-Uhlenbeck wander around the set speed.
        offset += -0.05 * offset + rng.gaussian(0, wanderKmh * 0.3);
        add(Math.max(5, kmh + offset));
      }
    }

    double[] toArray() {
      return Arrays.copyOf(speeds, size);
    }
  }
}
