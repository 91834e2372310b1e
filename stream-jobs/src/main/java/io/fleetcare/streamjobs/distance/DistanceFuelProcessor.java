package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.io.Serializable;
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
 * successors (a vehicle's first messages split over two readers, a gap it gave up on): a lower seq
 * than the newest integrated, with samples before the newest one seen. The sequencer emits each seq
 * once, so they were never counted: they are integrated as a segment of their own, and only the
 * interval that joins the message to its neighbours (one sample interval each side) is missed. A
 * higher seq whose samples go back in time (a gateway resending data) adds only what is newer.
 */
public final class DistanceFuelProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Faster than any road car: an odometer step implying more is a glitch, not driving. */
  private static final double MAX_PLAUSIBLE_SPEED_KMH = 500;

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
    if (state.lastSeq >= 0 && message.seq() < state.lastSeq) {
      next = integrateStraggler(state, samples, totals);
    }
    if (next < samples.size()) {
      integrate(state, samples.subList(next, samples.size()), totals);
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
   * Integrates, on their own, the leading samples of a message older than the newest one integrated
   * (a lower seq: the sequencer emits each seq once, so they were never counted).
   *
   * @return index of the first sample newer than the state's newest
   */
  private int integrateStraggler(DistanceFuelState state, List<Sample> samples, double[] totals) {
    int i = 0;
    while (i < samples.size() && samples.get(i).tsMs() <= state.lastTsMs) {
      i++;
    }
    if (i > 0) {
      DistanceFuelState segment = new DistanceFuelState();
      segment.fuel = state.fuel;
      integrate(segment, samples.subList(0, i), totals);
    }
    return i;
  }

  private void integrate(DistanceFuelState state, List<Sample> samples, double[] totals) {
    for (Sample sample : samples) {
      if (state.lastTsMs != Long.MIN_VALUE) {
        double dtS = (sample.tsMs() - state.lastTsMs) / 1000.0;
        if (dtS <= 0) {
          continue; // a repeated sample, or one older than the newest: adds nothing
        }
        if (dtS <= maxGapS) {
          totals[0] += distanceKm(state, sample, dtS);
          totals[1] += fuelL(state, sample, dtS);
        }
      }
      remember(state, sample);
    }
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
