package io.fleetcare.streamjobs.battery;

/**
 * What {@link Battery12VProcessor} remembers of one vehicle: the engine-off period under way (its
 * resting voltage), the last few engine-off samples (a cranking dip can show before the rpm does),
 * the run under way (its charging voltage) and the three trends. Public fields keep it a Flink
 * POJO; about 300 bytes serialized.
 */
public final class Battery12VState extends IdleExpiringState {
  static final int RING = 4;

  public long lastSampleMs = Long.MIN_VALUE;
  public boolean lastRunning;

  /** Last running sample of the previous run (or its ignition off); MIN_VALUE = unknown. */
  public long lastRunningMs = Long.MIN_VALUE;

  /** Samples at or before this belong to a run already closed (late telemetry). */
  public long runClosedMs = Long.MIN_VALUE;

  // Engine-off period under way.
  public boolean offSettled;
  public boolean offDipSeen;
  public long restFirstMs;
  public double restSum;
  public int restCount;
  public double[] offV = new double[RING];
  public long[] offMs = new long[RING];
  public int offNext;

  // Start window: minimum voltage from just before to just after the engine starts.
  public long startMs = Long.MIN_VALUE;
  public boolean crankOpen;
  public double crankMinV = Double.NaN;
  public double crankRefV = Double.NaN;

  // Run under way.
  public double chargeSum;
  public int chargeCount;

  /** The car publishes ENGINE_START with its own cranking minimum: trust that, not 1 Hz samples. */
  public boolean hasStartEvents;

  public EwTrend restingTrend = new EwTrend();
  public EwTrend crankingTrend = new EwTrend();
  public EwTrend chargingTrend = new EwTrend();

  public Battery12VState() {}
}
