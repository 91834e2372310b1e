package io.fleetcare.core.workorder;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The service a work order asks for. The maintenance and fault types are fixed; care offers are an
 * open family named {@code CARE_…} so the planner can add care rules without a schema change.
 *
 * @param code wire name, e.g. {@code BRAKE_PADS} or {@code CARE_LONG_DISTANCE}
 */
public record WorkOrderType(String code) implements Serializable {
  // Declared first: the constants below run the constructor, which reads these.
  private static final List<String> FIXED_CODES =
      List.of(
          "BRAKE_PADS",
          "BATTERY_12V",
          "TYRES",
          "ENGINE_DEPOSITS",
          "TRACTION_BATTERY",
          "MILEAGE_SERVICE",
          "FAULT_CODE");

  private static final Pattern CARE = Pattern.compile("CARE_[A-Z0-9_]{1,40}");

  public static final WorkOrderType BRAKE_PADS = new WorkOrderType("BRAKE_PADS");
  public static final WorkOrderType BATTERY_12V = new WorkOrderType("BATTERY_12V");
  public static final WorkOrderType TYRES = new WorkOrderType("TYRES");
  public static final WorkOrderType ENGINE_DEPOSITS = new WorkOrderType("ENGINE_DEPOSITS");
  public static final WorkOrderType TRACTION_BATTERY = new WorkOrderType("TRACTION_BATTERY");
  public static final WorkOrderType MILEAGE_SERVICE = new WorkOrderType("MILEAGE_SERVICE");
  public static final WorkOrderType FAULT_CODE = new WorkOrderType("FAULT_CODE");

  /** A long daily commute: long-distance safety check. */
  public static final WorkOrderType CARE_LONG_DISTANCE = new WorkOrderType("CARE_LONG_DISTANCE");

  /** Mostly short trips: engine-care advice. */
  public static final WorkOrderType CARE_SHORT_TRIPS = new WorkOrderType("CARE_SHORT_TRIPS");

  /** The fixed (non-care) types. */
  public static final List<WorkOrderType> FIXED =
      List.of(
          BRAKE_PADS,
          BATTERY_12V,
          TYRES,
          ENGINE_DEPOSITS,
          TRACTION_BATTERY,
          MILEAGE_SERVICE,
          FAULT_CODE);

  public WorkOrderType {
    if (code == null || !(FIXED_CODES.contains(code) || CARE.matcher(code).matches())) {
      throw new IllegalArgumentException(
          "unknown work-order type '"
              + code
              + "'; expected one of "
              + String.join(", ", FIXED_CODES)
              + " or CARE_<NAME>");
    }
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} with the accepted names. */
  public static WorkOrderType of(String code) {
    return new WorkOrderType(code);
  }

  public boolean isCare() {
    return code.startsWith("CARE_");
  }

  @Override
  public String toString() {
    return code;
  }
}
