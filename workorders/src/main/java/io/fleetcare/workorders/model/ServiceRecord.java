package io.fleetcare.workorders.model;

import java.util.List;

/**
 * What the workshop did when an order was done.
 *
 * @param parts part numbers or names fitted
 * @param odometerKm odometer at the service, in kilometres
 * @param customerScore 0–10 answer to "how likely are you to recommend us", or null if not asked
 * @param notes free text, or null
 */
public record ServiceRecord(
    List<String> parts, double odometerKm, Integer customerScore, String notes) {
  public ServiceRecord {
    parts = parts == null ? List.of() : List.copyOf(parts);
    if (!(odometerKm >= 0 && odometerKm < 10_000_000)) {
      throw new IllegalArgumentException("odometerKm must be within 0..10,000,000 km");
    }
    if (customerScore != null && (customerScore < 0 || customerScore > 10)) {
      throw new IllegalArgumentException("customerScore must be within 0..10");
    }
  }
}
