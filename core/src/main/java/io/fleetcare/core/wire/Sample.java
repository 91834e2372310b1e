package io.fleetcare.core.wire;

import java.util.Map;

/**
 * One timestamped set of signal values inside a telemetry batch.
 *
 * @param tsMs event time in epoch milliseconds (UTC), when the vehicle measured the values
 * @param signals numeric values keyed by canonical COVESA VSS path (aliases such as {@code
 *     Vehicle.OBD.ControlModuleVoltage} are already mapped to their canonical path); unknown
 *     numeric signals are kept under the path they arrived with
 * @param otherSignals unknown signals whose value is not a number, kept as raw JSON text
 */
public record Sample(long tsMs, Map<String, Double> signals, Map<String, String> otherSignals) {
  public Sample {
    signals = Ordered.map(signals);
    otherSignals = Ordered.map(otherSignals);
  }

  /** A sample with numeric signals only. */
  public Sample(long tsMs, Map<String, Double> signals) {
    this(tsMs, signals, Map.of());
  }

  /** True when the sample carries {@code vssPath}. */
  public boolean has(String vssPath) {
    return signals.containsKey(vssPath);
  }

  /** The value of {@code vssPath}, or {@code fallback} when the sample lacks it. */
  public double valueOr(String vssPath, double fallback) {
    Double value = signals.get(vssPath);
    return value == null ? fallback : value;
  }
}
