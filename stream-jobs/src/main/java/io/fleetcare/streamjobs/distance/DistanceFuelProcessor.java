package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Integrates distance and fuel over a vehicle's samples.
 *
 * <p>Distance comes from the odometer ({@code Vehicle.TraveledDistance}) when two consecutive
 * samples carry it and the difference is plausible, else from the trapezoid rule over {@code
 * Vehicle.Speed}. Fuel comes from the fuel-rate PID, else from MAF through the stoichiometric
 * air-fuel ratio and fuel density. Intervals longer than {@code maxGapS} (the car was off or the
 * gateway lost data) are not integrated: guessing across them would invent kilometres.
 *
 * <p>Messages normally come in seq order, but the sequencer lets a straggler through after its
 * successors (a vehicle's first messages split over two readers, a gap it gave up on): its samples
 * lie before the newest one seen. They are integrated as a segment of their own, leaving out time
 * already integrated, so a late message is neither lost nor counted twice; only the interval that
 * joins it to its neighbours (one sample interval each side) is missed.
 */
public final class DistanceFuelProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Faster than any road car: an odometer step implying more is a glitch, not driving. */
  private static final double MAX_PLAUSIBLE_SPEED_KMH = 500;

  /** Integrated spans remembered per vehicle; an in-order stream keeps one. */
  static final int MAX_COVERED_SPANS = 8;

  private final double maxGapS;

  /**
   * @param maxGapS longest interval between samples that is still integrated, in seconds
   */
  public DistanceFuelProcessor(double maxGapS) {
    if (!(maxGapS > 0)) {
      throw new IllegalArgumentException("maxGapS must be positive, was " + maxGapS);
    }
    this.maxGapS = maxGapS;
  }

  /** Remembers the fuel type from the vehicle's profile. */
  public void onProfile(DistanceFuelState state, VehicleProfile profile) {
    state.fuel = profile.fuel();
  }

  /** Integrates the message's samples (in time order) and updates {@code state}. */
  public DistanceFuelIncrement process(DistanceFuelState state, TelemetryMessage message) {
    List<Sample> samples = message.samples();
    double[] totals = new double[2];
    int next = 0;
    if (state.lastTsMs != Long.MIN_VALUE && samples.getFirst().tsMs() <= state.lastTsMs) {
      next = integrateStraggler(state, samples, totals);
    }
    if (next < samples.size()) {
      integrate(state, samples.subList(next, samples.size()), totals);
      cover(state, message.seq(), samples.get(next).tsMs(), samples.getLast().tsMs());
      state.lastSeq = message.seq();
    }
    return new DistanceFuelIncrement(
        message.vin(),
        message.seq(),
        samples.getFirst().tsMs(),
        samples.getLast().tsMs(),
        totals[0],
        totals[1],
        samples.size());
  }

  /**
   * Integrates the leading samples that are not newer than the state's newest, on their own, and
   * skips those in spans already integrated.
   *
   * @return index of the first sample newer than the state's newest
   */
  private int integrateStraggler(DistanceFuelState state, List<Sample> samples, double[] totals) {
    long newestMs = state.lastTsMs;
    DistanceFuelState segment = null;
    int i = 0;
    for (; i < samples.size() && samples.get(i).tsMs() <= newestMs; i++) {
      Sample sample = samples.get(i);
      if (covered(state, sample.tsMs())) {
        segment = null;
        continue;
      }
      if (segment == null) {
        segment = new DistanceFuelState();
        segment.fuel = state.fuel;
      }
      integrate(segment, List.of(sample), totals);
    }
    if (i > 0) {
      addSpan(state, samples.getFirst().tsMs(), samples.get(i - 1).tsMs());
    }
    return i;
  }

  private void integrate(DistanceFuelState state, List<Sample> samples, double[] totals) {
    for (Sample sample : samples) {
      if (state.lastTsMs != Long.MIN_VALUE) {
        double dtS = (sample.tsMs() - state.lastTsMs) / 1000.0;
        if (dtS <= 0) {
          continue; // a repeated sample adds nothing
        }
        if (dtS <= maxGapS) {
          totals[0] += distanceKm(state, sample, dtS);
          totals[1] += fuelL(state, sample, dtS);
        }
      }
      remember(state, sample);
    }
  }

  private static boolean covered(DistanceFuelState state, long tsMs) {
    for (int i = 0; i < state.coveredFromMs.length; i++) {
      if (tsMs >= state.coveredFromMs[i] && tsMs <= state.coveredToMs[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records an in-order message's span: it extends the newest span when it directly follows the
   * message that ended it (no seq between them whose samples could still arrive).
   */
  private static void cover(DistanceFuelState state, long seq, long fromMs, long toMs) {
    int n = state.coveredToMs.length;
    if (n > 0 && state.lastSeq >= 0 && seq == state.lastSeq + 1) {
      state.coveredToMs[n - 1] = Math.max(state.coveredToMs[n - 1], toMs);
      return;
    }
    addSpan(state, fromMs, toMs);
  }

  /** Appends a span; the one that ends earliest goes when there are too many. */
  private static void addSpan(DistanceFuelState state, long fromMs, long toMs) {
    int n = state.coveredFromMs.length;
    long[] from;
    long[] to;
    if (n < MAX_COVERED_SPANS) {
      from = Arrays.copyOf(state.coveredFromMs, n + 1);
      to = Arrays.copyOf(state.coveredToMs, n + 1);
    } else {
      int oldest = 0;
      for (int i = 1; i < n; i++) {
        if (state.coveredToMs[i] < state.coveredToMs[oldest]) {
          oldest = i;
        }
      }
      from = new long[n];
      to = new long[n];
      for (int i = 0, j = 0; i < n; i++) {
        if (i != oldest) {
          from[j] = state.coveredFromMs[i];
          to[j++] = state.coveredToMs[i];
        }
      }
      n--;
    }
    // The newest in-order span stays last so that cover() extends it.
    if (n > 0 && toMs < to[n - 1]) {
      from[n] = from[n - 1];
      to[n] = to[n - 1];
      from[n - 1] = fromMs;
      to[n - 1] = toMs;
    } else {
      from[n] = fromMs;
      to[n] = toMs;
    }
    state.coveredFromMs = from;
    state.coveredToMs = to;
  }

  private static double distanceKm(DistanceFuelState state, Sample sample, double dtS) {
    double odometerM = sample.valueOr(SignalCatalogue.TRAVELED_DISTANCE, Double.NaN);
    if (!Double.isNaN(odometerM) && !Double.isNaN(state.lastOdometerM)) {
      double deltaKm = (odometerM - state.lastOdometerM) / 1000.0;
      if (deltaKm >= 0 && deltaKm <= MAX_PLAUSIBLE_SPEED_KMH * dtS / 3600.0) {
        return deltaKm;
      }
    }
    double speedKmh = sample.valueOr(SignalCatalogue.SPEED, Double.NaN);
    if (Double.isNaN(speedKmh) || Double.isNaN(state.lastSpeedKmh)) {
      return 0;
    }
    return (state.lastSpeedKmh + speedKmh) / 2 * dtS / 3600.0;
  }

  private static double fuelL(DistanceFuelState state, Sample sample, double dtS) {
    double rateLph = sample.valueOr(SignalCatalogue.FUEL_RATE, Double.NaN);
    if (!Double.isNaN(rateLph) && !Double.isNaN(state.lastFuelRateLph)) {
      return (state.lastFuelRateLph + rateLph) / 2 * dtS / 3600.0;
    }
    double mafGps = sample.valueOr(SignalCatalogue.MAF, Double.NaN);
    if (!Double.isNaN(mafGps) && !Double.isNaN(state.lastMafGps)) {
      FuelProperties fuel = FuelProperties.of(state.fuel);
      double airG = (state.lastMafGps + mafGps) / 2 * dtS;
      return airG / fuel.stoichiometricAirFuelRatio() / fuel.densityGPerL();
    }
    return 0;
  }

  private static void remember(DistanceFuelState state, Sample sample) {
    state.lastTsMs = sample.tsMs();
    state.lastSpeedKmh = sample.valueOr(SignalCatalogue.SPEED, Double.NaN);
    state.lastOdometerM = sample.valueOr(SignalCatalogue.TRAVELED_DISTANCE, Double.NaN);
    state.lastFuelRateLph = sample.valueOr(SignalCatalogue.FUEL_RATE, Double.NaN);
    state.lastMafGps = sample.valueOr(SignalCatalogue.MAF, Double.NaN);
  }
}
