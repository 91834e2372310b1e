package io.fleetcare.streamjobs.fuel;

import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * What {@link FuelBaselineProcessor} remembers of a vehicle: the running sums of the baseline fit,
 * the fitted model, and 90 days of actual and expected fuel in 3-day bins. Fixed-size primitive
 * arrays and public fields keep it a compact Flink POJO (about 600 bytes serialized).
 */
public final class FuelState {
  /** Battery-electric: no fuel, nothing to emit. */
  public boolean electric;

  /** Last engine-deposit cleaning; trips that started before it are ignored. */
  public long resetMs = Long.MIN_VALUE;

  /** Start of the first qualifying trip of the baseline period. */
  public long baselineStartMs = Long.MIN_VALUE;

  public int baselineTrips;

  /** Upper triangle, row by row, of the weighted XᵀX of the baseline trips' conditions. */
  public double[] xtx = new double[FuelBaselineProcessor.PAIRS];

  /** Weighted Xᵀy of the baseline trips (y = L/100 km). */
  public double[] xty = new double[FuelBaselineProcessor.FEATURES];

  public boolean fitted;

  /** The fitted model: intercept and one slope per condition. */
  public double[] coef = new double[FuelBaselineProcessor.FEATURES];

  /** Distance-weighted mean L/100 km of the baseline trips. */
  public double baselineL100;

  /** Index (event time / bin length) of the newest bin, or Long.MIN_VALUE before the first. */
  public long newestBin = Long.MIN_VALUE;

  /** Actual litres per bin; bin i holds index {@code newestBin - i}. */
  public float[] actualL = new float[FuelBaselineProcessor.BINS];

  /** Litres the baseline model expected for the same trips. */
  public float[] expectedL = new float[FuelBaselineProcessor.BINS];

  public int[] trips = new int[FuelBaselineProcessor.BINS];

  public long lastEmitMs = Long.MIN_VALUE;

  public IdleClock idle = new IdleClock();

  public FuelState() {}
}
