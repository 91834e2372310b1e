package io.fleetcare.simulator.vehicle;

import java.util.Map;
import java.util.TreeMap;

/**
 * Services the simulated owner has booked: at most one per component, each at an event time. Owners
 * book a workshop some days after a problem shows (pads grinding, a TPMS warning, a no-start).
 */
final class ServiceSchedule {
  /** A booked service that is due. */
  record Due(String component, long atMs) {}

  // Sorted by component name so iteration (and thus output) is deterministic.
  private final Map<String, Long> booked = new TreeMap<>();

  /** Books {@code component} at {@code atMs} unless it is already booked. */
  void schedule(String component, long atMs) {
    booked.putIfAbsent(component, atMs);
  }

  /** Books {@code component} at {@code atMs}, or moves an existing booking earlier. */
  void reschedule(String component, long atMs) {
    booked.merge(component, atMs, Math::min);
  }

  /** Removes and returns the earliest booking before {@code limitMs}, or null. */
  Due pollDue(long limitMs) {
    String first = null;
    long firstAt = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : booked.entrySet()) {
      if (e.getValue() < firstAt) {
        first = e.getKey();
        firstAt = e.getValue();
      }
    }
    if (first == null || firstAt >= limitMs) {
      return null;
    }
    booked.remove(first);
    return new Due(first, firstAt);
  }
}
