package io.fleetcare.core.signal;

import java.util.OptionalInt;

/**
 * A signal of the catalogue.
 *
 * @param vssPath canonical COVESA VSS path (or a {@code Fleetcare.} extension path)
 * @param unit unit of the value on the wire, as VSS names it
 * @param obdPid OBD-II Mode 01 PID that measures it, when there is one
 * @param min lowest plausible value; smaller values are rejected
 * @param max highest plausible value; larger values are rejected
 * @param personalData whether the value is personal data (encrypted at rest, masked by role)
 */
public record Signal(
    String vssPath, String unit, OptionalInt obdPid, double min, double max, boolean personalData) {
  public Signal {
    if (!(min <= max)) {
      throw new IllegalArgumentException("min > max for " + vssPath);
    }
  }

  /** True when {@code value} is finite and inside [{@link #min}, {@link #max}]. */
  public boolean accepts(double value) {
    return Double.isFinite(value) && value >= min && value <= max;
  }
}
