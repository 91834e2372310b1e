package io.fleetcare.workorders.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleActionTest {
  @Test
  void transitions() {
    assertThat(new LifecycleAction.Acknowledge(null).allowedFrom())
        .containsExactly(WorkOrderStatus.NEW);
    assertThat(new LifecycleAction.Schedule(Instant.EPOCH, null).allowedFrom())
        .containsExactlyInAnyOrder(WorkOrderStatus.ACKNOWLEDGED, WorkOrderStatus.SCHEDULED);
    assertThat(new LifecycleAction.Done(new ServiceRecord(List.of(), 1, null, null)).allowedFrom())
        .doesNotContain(WorkOrderStatus.NEW, WorkOrderStatus.DONE, WorkOrderStatus.DISMISSED);
    assertThat(new LifecycleAction.Dismiss(DismissReason.DUPLICATE, null).allowedFrom())
        .allMatch(WorkOrderStatus::isOpen);
  }

  @Test
  void typesAreFixedOrCare() {
    assertThat(WorkOrderType.of("CARE_WINTER_CHECK").isCare()).isTrue();
    assertThat(WorkOrderType.of("BRAKE_PADS")).isEqualTo(WorkOrderType.BRAKE_PADS);
    assertThatThrownBy(() -> WorkOrderType.of("care_x")).hasMessageContaining("CARE_<NAME>");
  }

  @Test
  void planIdIsStable() {
    var day = java.time.LocalDate.parse("2026-12-01");
    assertThat(WorkOrder.planId("WVWZZZ1KZAW000001", WorkOrderType.TYRES, day))
        .isEqualTo(WorkOrder.planId("WVWZZZ1KZAW000001", WorkOrderType.TYRES, day))
        .isNotEqualTo(WorkOrder.planId("WVWZZZ1KZAW000001", WorkOrderType.BRAKE_PADS, day));
  }
}
