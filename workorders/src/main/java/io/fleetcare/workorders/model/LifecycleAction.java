package io.fleetcare.workorders.model;

import io.fleetcare.core.workorder.WorkOrderStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An advisor's action on an order and the lifecycle rule it follows. */
public sealed interface LifecycleAction {
  /** Statuses the action may be applied in. */
  Set<WorkOrderStatus> allowedFrom();

  /** The status after the action. */
  WorkOrderStatus target();

  /** Name recorded in the audit trail. */
  default String auditName() {
    return target().name();
  }

  /** The advisor has seen the order. */
  record Acknowledge(String note) implements LifecycleAction {
    @Override
    public Set<WorkOrderStatus> allowedFrom() {
      return EnumSet.of(WorkOrderStatus.NEW);
    }

    @Override
    public WorkOrderStatus target() {
      return WorkOrderStatus.ACKNOWLEDGED;
    }
  }

  /** A workshop appointment was booked (re-scheduling a scheduled order is allowed). */
  record Schedule(Instant appointmentAt, String note) implements LifecycleAction {
    public Schedule {
      Objects.requireNonNull(appointmentAt, "appointmentAt");
    }

    @Override
    public Set<WorkOrderStatus> allowedFrom() {
      return EnumSet.of(WorkOrderStatus.ACKNOWLEDGED, WorkOrderStatus.SCHEDULED);
    }

    @Override
    public WorkOrderStatus target() {
      return WorkOrderStatus.SCHEDULED;
    }
  }

  /** The service was performed (walk-ins may skip scheduling). */
  record Done(ServiceRecord record) implements LifecycleAction {
    public Done {
      Objects.requireNonNull(record, "record");
    }

    @Override
    public Set<WorkOrderStatus> allowedFrom() {
      return EnumSet.of(WorkOrderStatus.ACKNOWLEDGED, WorkOrderStatus.SCHEDULED);
    }

    @Override
    public WorkOrderStatus target() {
      return WorkOrderStatus.DONE;
    }
  }

  /** The order will not be worked; the reason becomes the prediction's training label. */
  record Dismiss(DismissReason reason, String note) implements LifecycleAction {
    public Dismiss {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Set<WorkOrderStatus> allowedFrom() {
      return EnumSet.of(
          WorkOrderStatus.NEW, WorkOrderStatus.ACKNOWLEDGED, WorkOrderStatus.SCHEDULED);
    }

    @Override
    public WorkOrderStatus target() {
      return WorkOrderStatus.DISMISSED;
    }
  }
}
