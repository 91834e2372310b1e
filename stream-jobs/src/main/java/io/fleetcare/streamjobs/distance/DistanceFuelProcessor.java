package io.fleetcare.streamjobs.distance;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.io.Serializable;

/**
 * Integrates distance and fuel over a vehicle's samples.
 *
 * <p>Distance comes from the odometer ({@code Vehicle.TraveledDistance}) when two consecutive
 * samples carry it and the difference is plausible, else from the trapezoid rule over {@code
 * Vehicle.Speed}. Fuel comes from the fuel-rate PID, else from MAF through the stoichiometric
 * air-fuel ratio and fuel density. Intervals longer than {@code maxGapS} (the car was off or the
 * gateway lost data) are not integrated: guessing across them would invent kilometres.
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
    double distanceKm = 0;
    double fuelL = 0;
    for (Sample sample : message.samples()) {
      if (state.lastTsMs != Long.MIN_VALUE) {
        double dtS = (sample.tsMs() - state.lastTsMs) / 1000.0;
        if (dtS <= 0) {
          continue; // a repeated or out-of-order sample adds nothing
        }
        if (dtS <= maxGapS) {
          distanceKm += distanceKm(state, sample, dtS);
          fuelL += fuelL(state, sample, dtS);
        }
      }
      remember(state, sample);
    }
    return new DistanceFuelIncrement(
        message.vin(),
        message.seq(),
        message.samples().getFirst().tsMs(),
        message.samples().getLast().tsMs(),
        distanceKm,
        fuelL,
        message.samples().size());
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
