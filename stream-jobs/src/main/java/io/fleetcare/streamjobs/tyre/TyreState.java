package io.fleetcare.streamjobs.tyre;

import io.fleetcare.streamjobs.battery.EwTrend;
import io.fleetcare.streamjobs.battery.IdleExpiringState;

/**
 * What {@link TyreProcessor} remembers of one vehicle: per wheel the last cold pressure (normalised
 * to 20 °C) and its trend, the tread anchor (a measurement or new tyres) and the calibrated wear
 * rate, and the style-weighted distance driven since. Flink POJO, ~500 bytes. The four trends are
 * separate fields because Flink serializes arrays of POJOs generically.
 */
public final class TyreState extends IdleExpiringState {
  public long lastTsMs = Long.MIN_VALUE;
  public double lastSpeedKmh = Double.NaN;
  public boolean tripActive;
  public boolean coldPending = true;

  public double[] coldP20KPa = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
  public EwTrend trend0 = new EwTrend();
  public EwTrend trend1 = new EwTrend();
  public EwTrend trend2 = new EwTrend();
  public EwTrend trend3 = new EwTrend();

  /** Distance since the car was first seen, each km weighted by the scrub of the driving style. */
  public double scrubKm;

  public double[] anchorTreadMm = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
  public double[] anchorScrubKm = new double[4];
  public double[] calTreadMm = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
  public double[] calScrubKm = new double[4];

  /** Calibrated wear, mm per 1000 scrub-km; 0 = prior. */
  public double[] mmPer1000Km = new double[4];

  public TyreState() {}

  EwTrend trend(int wheel) {
    return switch (wheel) {
      case 0 -> trend0;
      case 1 -> trend1;
      case 2 -> trend2;
      default -> trend3;
    };
  }
}
