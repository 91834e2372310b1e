package io.fleetcare.streamjobs.planner;

import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;

/**
 * One input of the planner: the planner's inputs are unioned into one keyed stream so that one
 * operator owns all of a vehicle's planning state. Exactly one payload is set, as {@link #kind}
 * says. Public fields keep it a Flink POJO; build it with the factories.
 */
public final class PlannerInput {
  /** Which payload is set. */
  public enum Kind {
    FORECAST,
    FAULT,
    USAGE,
    SIGNAL,
    PROFILE,
    SERVICE
  }

  public Kind kind;
  public String vin;

  /** Event time, epoch ms. */
  public long tsMs;

  public ComponentForecast forecast;
  public FaultCodeChange fault;
  public UsageProfileSnapshot usage;
  public SignalPoint signal;

  /** PROFILE: the dealer that services the vehicle, and its model year. */
  public String dealerId;

  public int modelYear;

  /** SERVICE: the work-order type serviced (SERVICE_PERFORMED's service) and the odometer, km. */
  public String service;

  public double odometerKm;

  public PlannerInput() {}

  private static PlannerInput of(Kind kind, String vin, long tsMs) {
    PlannerInput in = new PlannerInput();
    in.kind = kind;
    in.vin = vin;
    in.tsMs = tsMs;
    return in;
  }

  public static PlannerInput forecast(ComponentForecast f) {
    PlannerInput in = of(Kind.FORECAST, f.vin(), f.tsMs());
    in.forecast = f;
    return in;
  }

  public static PlannerInput fault(FaultCodeChange c) {
    PlannerInput in = of(Kind.FAULT, c.vin(), c.tsMs());
    in.fault = c;
    return in;
  }

  public static PlannerInput usage(UsageProfileSnapshot u) {
    PlannerInput in = of(Kind.USAGE, u.vin(), u.tsMs());
    in.usage = u;
    return in;
  }

  public static PlannerInput signal(SignalPoint p) {
    PlannerInput in = of(Kind.SIGNAL, p.vin(), p.tsMs());
    in.signal = p;
    return in;
  }

  /**
   * The vehicle profile's facts. The profile has no event time; {@code tsMs} is that of the message
   * that carried it as far as the stream knows (0 is fine: care rules fire at the next dated
   * input).
   */
  public static PlannerInput profile(String vin, long tsMs, String dealerId, int modelYear) {
    PlannerInput in = of(Kind.PROFILE, vin, tsMs);
    in.dealerId = dealerId;
    in.modelYear = modelYear;
    return in;
  }

  public static PlannerInput service(String vin, long tsMs, String service, double odometerKm) {
    PlannerInput in = of(Kind.SERVICE, vin, tsMs);
    in.service = service;
    in.odometerKm = odometerKm;
    return in;
  }

  @Override
  public String toString() {
    return "PlannerInput[" + kind + " " + vin + " @" + tsMs + "]";
  }
}
