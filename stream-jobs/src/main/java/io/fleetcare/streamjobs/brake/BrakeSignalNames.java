package io.fleetcare.streamjobs.brake;

/** Indicator names this package emits beyond {@code SignalNames} (same conventions). */
public final class BrakeSignalNames {
  /**
   * Pad wear accrued since the estimator started watching the car or the pads were last replaced,
   * most worn axle, %. Always known; the absolute estimate needs an anchor (sensor or service).
   */
  public static final String BRAKE_PAD_WEAR_ACCRUED_PCT = "brake.pad_wear_accrued_pct";

  /** Friction-braking energy of the trip, MJ (what the estimate integrates). */
  public static final String BRAKE_FRICTION_MJ = "brake.friction_mj";

  private BrakeSignalNames() {}
}
