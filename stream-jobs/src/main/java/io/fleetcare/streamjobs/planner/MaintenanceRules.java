package io.fleetcare.streamjobs.planner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maintenance and fault-code settings of the planner, read from YAML ({@code
 * planner/maintenance-rules.yaml} by default; the file documents the format): the recommended
 * service package per type, which diagnostic trouble codes are critical, and which component a
 * critical code makes urgent.
 *
 * @param servicePackages recommended package per work-order type code
 * @param confirmWith the fault-code status that confirms a non-critical code (SET or PERSISTENT);
 *     critical codes are planned when first SET
 * @param criticalPrefixes a code starting with one of these is critical (FAULT_CODE order URGENT)
 * @param componentPrefixes a critical code starting with the key also makes the maintenance order
 *     of that component urgent
 */
public record MaintenanceRules(
    Map<String, String> servicePackages,
    FaultCodeChange.Status confirmWith,
    List<String> criticalPrefixes,
    Map<String, WorkOrderType> componentPrefixes)
    implements Serializable {
  /** The default file on the class path. */
  public static final String DEFAULT_RESOURCE = "planner/maintenance-rules.yaml";

  private static final Pattern PREFIX = Pattern.compile("[PCBU][0-9A-F]{0,4}");

  public MaintenanceRules {
    servicePackages = Map.copyOf(servicePackages);
    Objects.requireNonNull(confirmWith, "confirmWith");
    if (confirmWith == FaultCodeChange.Status.CLEARED) {
      throw new IllegalArgumentException("confirmWith must be SET or PERSISTENT");
    }
    criticalPrefixes = List.copyOf(criticalPrefixes);
    componentPrefixes = Map.copyOf(componentPrefixes);
    for (String p : criticalPrefixes) {
      if (!PREFIX.matcher(p).matches()) {
        throw new IllegalArgumentException("'" + p + "' is not a DTC prefix such as P030 or C0");
      }
    }
    for (String p : componentPrefixes.keySet()) {
      if (!PREFIX.matcher(p).matches()) {
        throw new IllegalArgumentException("'" + p + "' is not a DTC prefix such as P0562");
      }
    }
  }

  /** The settings of {@link #DEFAULT_RESOURCE}. */
  public static MaintenanceRules defaults() {
    return parse(DEFAULT_RESOURCE, YamlConfig.resource(DEFAULT_RESOURCE));
  }

  /** Whether {@code code} is critical. */
  public boolean isCritical(String code) {
    for (String p : criticalPrefixes) {
      if (code.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** The component a critical code makes urgent (longest matching prefix), or null. */
  public WorkOrderType componentOf(String code) {
    WorkOrderType best = null;
    int bestLength = -1;
    for (Map.Entry<String, WorkOrderType> e : componentPrefixes.entrySet()) {
      if (code.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return best;
  }

  /** The recommended package of a type, or null. */
  public String servicePackage(WorkOrderType type) {
    return servicePackages.get(type.code());
  }

  /**
   * Reads settings from YAML text.
   *
   * @param source names the text in error messages
   */
  public static MaintenanceRules parse(String source, String yaml) {
    JsonNode root = YamlConfig.parse(source, yaml);
    YamlConfig.onlyFields(source, root, Set.of("servicePackages", "faultCodes"));
    Map<String, String> packages = new LinkedHashMap<>();
    JsonNode p = root.path("servicePackages");
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        WorkOrderType.of(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(source + " servicePackages: " + ex.getMessage(), ex);
      }
      packages.put(e.getKey(), e.getValue().asText());
    }
    JsonNode faults = root.path("faultCodes");
    String where = source + " faultCodes";
    YamlConfig.onlyFields(where, faults, Set.of("confirmWith", "critical", "components"));
    List<String> critical = new ArrayList<>();
    for (JsonNode c : faults.path("critical")) {
      critical.add(c.asText());
    }
    Map<String, WorkOrderType> components = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = faults.path("components").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        components.put(e.getKey(), WorkOrderType.of(e.getValue().asText()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(where + " components: " + ex.getMessage(), ex);
      }
    }
    try {
      return new MaintenanceRules(
          packages,
          FaultCodeChange.Status.valueOf(
              YamlConfig.text(where, faults, "confirmWith", "PERSISTENT")),
          critical,
          components);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
