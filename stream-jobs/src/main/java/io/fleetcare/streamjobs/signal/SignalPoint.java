package io.fleetcare.streamjobs.signal;

/**
 * One value of a derived per-vehicle indicator, e.g. the resting voltage of the 12 V battery
 * measured after an engine-off period. Stored in the {@code vehicle_signal} table.
 *
 * @param vin vehicle
 * @param tsMs event time the value refers to (epoch ms)
 * @param name indicator name, one of {@link SignalNames}
 * @param value the value, in the unit the name says
 */
public record SignalPoint(String vin, long tsMs, String name, double value) {
  public SignalPoint {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}
