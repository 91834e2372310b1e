package io.fleetcare.streamjobs.planner;

import io.fleetcare.streamjobs.trip.IdleClock;

/**
 * What the planner knows of a vehicle besides its per-type entries: the profile facts an order
 * needs (dealer) and care rules read (age), and the newest usage profile. Public fields keep it a
 * Flink POJO (about 100 bytes).
 */
public final class PlannerVehicleState {
  public String dealerId;
  public int modelYear;

  /** Newest event time of any dated input (profiles have none), or MIN_VALUE. */
  public long lastEventMs = Long.MIN_VALUE;

  /** Newest usage profile; usageTsMs MIN_VALUE before the first. */
  public long usageTsMs = Long.MIN_VALUE;

  public int trips;
  public double shortTripShare;
  public double commuteKm;
  public double kmPerDay;
  public double highwayShare;
  public double nightShare;

  public IdleClock idle = new IdleClock();

  public PlannerVehicleState() {}
}
