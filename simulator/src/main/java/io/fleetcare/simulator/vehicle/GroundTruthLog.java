package io.fleetcare.simulator.vehicle;

import io.fleetcare.simulator.truth.GroundTruthRecord;
import io.fleetcare.simulator.truth.GroundTruthRecord.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A vehicle's ground truth as it happens. A component's threshold crossing is recorded once; a
 * service re-arms it, so the next crossing after a repair is recorded again.
 */
final class GroundTruthLog {
  private final String vin;
  private final List<GroundTruthRecord> records = new ArrayList<>();
  private final Set<String> crossed = new HashSet<>();

  GroundTruthLog(String vin) {
    this.vin = vin;
  }

  /** Records the crossing unless the component already crossed; true when recorded. */
  boolean cross(
      String component,
      String threshold,
      long tsMs,
      double value,
      double odometerKm,
      String detail) {
    if (!crossed.add(component)) {
      return false;
    }
    add(component, Kind.THRESHOLD_CROSSED, threshold, tsMs, value, odometerKm, detail);
    return true;
  }

  void serviced(String component, long tsMs, double odometerKm) {
    crossed.remove(component);
    add(component, Kind.SERVICE_PERFORMED, "", tsMs, Double.NaN, odometerKm, "");
  }

  void add(
      String component,
      Kind kind,
      String threshold,
      long tsMs,
      double value,
      double odometerKm,
      String detail) {
    records.add(
        new GroundTruthRecord(
            vin,
            component,
            kind,
            threshold,
            tsMs,
            value,
            Math.round(odometerKm * 10) / 10.0,
            detail));
  }

  List<GroundTruthRecord> records() {
    return List.copyOf(records);
  }
}
