package io.fleetcare.streamjobs.planner;

/**
 * What the planner remembers of one work-order type of one vehicle: the one open order (its id and
 * window), a suppression after a service, a care rule's quiet period, and for fault codes the codes
 * behind the order. Public fields keep it a Flink POJO (well under 100 bytes); a type with nothing
 * to remember has no entry.
 */
public final class PlannerTypeState {
  /** Where the type stands. */
  public enum Phase {
    /** No open order (fault codes waiting for a profile, care rules in their quiet period). */
    IDLE,
    /** An order is open: new input updates it, never duplicates it. */
    OPEN,
    /** Serviced: quiet until the signal shows the component healthy (or the limit passes). */
    SUPPRESSED
  }

  public Phase phase = Phase.IDLE;

  /** The open order's id (from WorkOrder.planId at its first planning), or null. */
  public String orderId;

  /** The open order's window and predicted date as epoch days; predicted MIN_VALUE for none. */
  public long dueFromDay;

  public long dueToDay;
  public long predictedDay = Long.MIN_VALUE;
  public boolean urgent;

  /** Event time of the SERVICE_PERFORMED that suppressed the type. */
  public long serviceMs = Long.MIN_VALUE;

  /** Care rules: event time before which the rule stays quiet. */
  public long quietUntilMs = Long.MIN_VALUE;

  /**
   * FAULT_CODE: the confirmed codes, comma-separated. Maintenance types: the critical codes set
   * that make the component urgent.
   */
  public String codes = "";

  public PlannerTypeState() {}
}
