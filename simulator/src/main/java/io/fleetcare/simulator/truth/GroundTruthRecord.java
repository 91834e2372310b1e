package io.fleetcare.simulator.truth;

/**
 * One line of the ground truth: what really happened to a vehicle, which predictions are scored
 * against.
 *
 * @param vin the vehicle
 * @param component the work-order type it concerns: {@code BRAKE_PADS}, {@code BATTERY_12V}, {@code
 *     TYRES}, {@code ENGINE_DEPOSITS}, {@code TRACTION_BATTERY}, {@code MILEAGE_SERVICE} or {@code
 *     FAULT_CODE}
 * @param kind {@link Kind}
 * @param threshold the service threshold, in words (e.g. {@code "pad wear >= 100 %"})
 * @param tsMs event time it happened, epoch milliseconds
 * @param value the measured value that crossed (wear %, cranking V, kPa or mm, fuel increase %, SoH
 *     %, odometer km); NaN when not applicable
 * @param odometerKm the odometer at that moment, km
 * @param detail which part (wheel, fault code) or other context; empty when none
 */
public record GroundTruthRecord(
    String vin,
    String component,
    Kind kind,
    String threshold,
    long tsMs,
    double value,
    double odometerKm,
    String detail) {

  /** What a record says happened. */
  public enum Kind {
    /** The component crossed its service threshold: the moment a work order should anticipate. */
    THRESHOLD_CROSSED,
    /** The component was serviced (its state reset). */
    SERVICE_PERFORMED,
    /** A fault's precursor started to show in telemetry. */
    PRECURSOR_STARTED,
    /** The engine did not start (12 V battery too weak). */
    NO_START
  }
}
