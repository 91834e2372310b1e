package io.fleetcare.streamjobs.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The rule files on the class path load, and bad ones fail with the file, rule and field. */
class PlannerConfigTest {
  @Test
  void theDefaultCareRulesCoverTheFourOffers() {
    CareRules rules = CareRules.defaults();
    assertThat(rules.rules())
        .extracting(r -> r.type().code())
        .containsExactly(
            "CARE_LONG_DISTANCE", "CARE_SHORT_TRIPS", "CARE_BATTERY_CHECK", "CARE_TRADE_IN");
    assertThat(rules.signals())
        .contains("fuel.drift_30d_pct", "battery12v.resting_v", "battery12v.charging_v");
    CareRules.Rule longDistance = rules.ruleFor(WorkOrderType.CARE_LONG_DISTANCE);
    Map<String, Double> facts = Map.of("usage.commuteKm", 51.0, "usage.trips", 12.0);
    CareRules.Facts f =
        field ->
            facts.containsKey(field) ? OptionalDouble.of(facts.get(field)) : OptionalDouble.empty();
    assertThat(longDistance.matches(f)).isTrue();
    assertThat(longDistance.matches(field -> OptionalDouble.empty())).isFalse();
  }

  @Test
  void badCareRulesFailWithAReadableMessage() {
    assertThatThrownBy(
            () ->
                CareRules.parse(
                    "x.yaml",
                    "version: t\nrules:\n  - type: CARE_X\n    servicePackage: P\n    when: [usage.speed > 3]"))
        .hasMessageContaining("x.yaml rule CARE_X when")
        .hasMessageContaining("unknown field 'usage.speed'");
    assertThatThrownBy(
            () ->
                CareRules.parse(
                    "x.yaml",
                    "version: t\nrules:\n  - type: BRAKE_PADS\n    servicePackage: P\n    when: [usage.trips > 3]"))
        .hasMessageContaining("must be CARE_");
    assertThatThrownBy(
            () ->
                CareRules.parse(
                    "x.yaml",
                    "version: t\nrules:\n  - type: CARE_X\n    servicePackage: P\n    when: [trips greater 3]"))
        .hasMessageContaining("is not 'field op number'");
    assertThatThrownBy(
            () ->
                CareRules.parse(
                    "x.yaml", "version: t\nrules:\n  - type: CARE_X\n    servicePackage: P"))
        .hasMessageContaining("needs 'when' or 'any'");
    assertThatThrownBy(() -> CareRules.parse("x.yaml", "version: t\nrulez: []"))
        .hasMessageContaining("unknown field 'rulez'");
  }

  @Test
  void theDefaultMaintenanceRulesNameCriticalCodesAndPackages() {
    MaintenanceRules rules = MaintenanceRules.defaults();
    assertThat(rules.confirmWith()).isEqualTo(FaultCodeChange.Status.PERSISTENT);
    assertThat(rules.isCritical("P0301")).isTrue();
    assertThat(rules.isCritical("P0171")).isFalse();
    assertThat(rules.componentOf("P0562")).isEqualTo(WorkOrderType.BATTERY_12V);
    assertThat(rules.componentOf("P0301")).isNull();
    for (WorkOrderType t : WorkOrderType.FIXED) {
      assertThat(rules.servicePackage(t)).as("package of " + t).isNotBlank();
    }
    assertThatThrownBy(() -> MaintenanceRules.parse("m.yaml", "faultCodes:\n  critical: [X12]\n"))
        .hasMessageContaining("m.yaml faultCodes")
        .hasMessageContaining("not a DTC prefix");
  }
}
