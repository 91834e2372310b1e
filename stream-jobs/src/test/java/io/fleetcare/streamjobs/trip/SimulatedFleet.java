package io.fleetcare.streamjobs.trip;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.fleet.VehicleSpec;
import io.fleetcare.streamjobs.signal.Trip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: runs the fleet simulator in memory and hands back each vehicle's messages, decoded
 * from the published payloads, in publishing order. Without injected faults that order is the order
 * the job's dedup-and-order operator emits.
 */
public final class SimulatedFleet {
  /** A finished run: the fleet, its totals, and each vehicle's messages by VIN. */
  public record Run(
      List<VehicleSpec> fleet,
      SimulationSummary summary,
      Map<String, List<VehicleMessage>> messages) {}

  private SimulatedFleet() {}

  public static Run run(SimulatorOptions options) throws Exception {
    FleetSimulator simulator = new FleetSimulator(options);
    PayloadCodec codec = new PayloadCodec();
    Map<String, List<VehicleMessage>> messages = new LinkedHashMap<>();
    MessageSink sink =
        (topic, payload, retained) -> {
          if (codec.decode(topic, payload) instanceof DecodeResult.Accepted accepted) {
            VehicleMessage m = accepted.message();
            messages.computeIfAbsent(m.vin(), v -> new ArrayList<>()).add(m);
          }
        };
    SimulationSummary summary = simulator.run(sink);
    return new Run(simulator.fleet(), summary, messages);
  }

  /** The trips {@link TripSegmenter} cuts from one vehicle's messages. */
  public static List<Trip> trips(TripOptions options, List<VehicleMessage> messages) {
    TripSegmenter segmenter = new TripSegmenter(options);
    TripState state = new TripState();
    List<Trip> trips = new ArrayList<>();
    for (VehicleMessage m : messages) {
      segmenter.process(state, m, trips::add);
    }
    if (!messages.isEmpty()) {
      segmenter.closeOpenTrip(state, messages.getFirst().vin(), trips::add);
    }
    return trips;
  }
}
