package io.fleetcare.simulator;

import io.fleetcare.simulator.gateway.FaultCounts;
import java.util.List;

/**
 * What a simulation run published.
 *
 * @param vehicles one summary per vehicle, in fleet order
 * @param telemetryMessages telemetry messages handed to the sink (including injected duplicates and
 *     malformed copies; see {@link #faults})
 * @param eventMessages event messages handed to the sink
 * @param samples samples inside the telemetry messages handed to the sink
 * @param profileMessages retained profile messages handed to the sink
 * @param faults what the gateway-fault injector did, so a test can account for every message
 * @param groundTruthRecords ground-truth records written (threshold crossings, services, faults)
 */
public record SimulationSummary(
    List<VehicleSummary> vehicles,
    long telemetryMessages,
    long eventMessages,
    long samples,
    long profileMessages,
    FaultCounts faults,
    long groundTruthRecords) {
  public SimulationSummary {
    vehicles = List.copyOf(vehicles);
  }

  /** A summary of a run without injected faults or ground truth (the first-slice shape). */
  public SimulationSummary(
      List<VehicleSummary> vehicles, long telemetryMessages, long eventMessages, long samples) {
    this(vehicles, telemetryMessages, eventMessages, samples, 0, FaultCounts.NONE, 0);
  }

  /** Total distance driven by the fleet during the run, in kilometres. */
  public double totalDistanceKm() {
    return vehicles.stream().mapToDouble(VehicleSummary::distanceKm).sum();
  }
}
