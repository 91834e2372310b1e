package io.fleetcare.streamjobs.tyre;

/** Indicator names this package emits beyond {@code SignalNames} (same conventions). */
public final class TyreSignalNames {
  /**
   * Tread worn since the car was first seen (most worn wheel), mm: always known, while the absolute
   * tread needs a measurement or new tyres.
   */
  public static final String TYRE_TREAD_WORN_MM = "tyre.tread_worn_mm";

  private TyreSignalNames() {}
}
