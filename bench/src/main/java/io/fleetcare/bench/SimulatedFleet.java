package io.fleetcare.bench;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Input of the benchmarks: what the fleet simulator publishes for {@value #VEHICLES} vehicles over
 * {@value #DAYS} days (profiles, events, telemetry of 10 one-second samples), as wire payloads and
 * decoded, in publishing order.
 */
@State(Scope.Benchmark)
public class SimulatedFleet {
  static final int VEHICLES = 20;
  static final int DAYS = 3;

  /** A payload as published. */
  public record Published(String topic, byte[] payload) {}

  public final List<Published> telemetryPayloads = new ArrayList<>();
  public final List<TelemetryMessage> telemetry = new ArrayList<>();

  /** {@link #telemetry} as if built in code: without the payload the codec kept. */
  public final List<TelemetryMessage> telemetryWithoutPayload = new ArrayList<>();

  public final List<VehicleMessage> messages = new ArrayList<>();

  @Setup(Level.Trial)
  public void simulate() throws Exception {
    List<Published> all = new ArrayList<>();
    MessageSink sink =
        new MessageSink() {
          @Override
          public void send(String topic, byte[] payload, boolean retained) {
            all.add(new Published(topic, payload));
          }
        };
    new FleetSimulator(
            SimulatorOptions.builder().seed(8).vehicles(VEHICLES).days(DAYS).threads(1).build())
        .run(sink);
    PayloadCodec codec = new PayloadCodec();
    for (Published p : all) {
      if (codec.decode(p.topic(), p.payload()) instanceof DecodeResult.Accepted a) {
        messages.add(a.message());
        if (a.message() instanceof TelemetryMessage t) {
          telemetry.add(t);
          telemetryWithoutPayload.add(
              new TelemetryMessage(t.version(), t.vin(), t.seq(), t.samples(), t.extraFields()));
          telemetryPayloads.add(p);
        }
      }
    }
    if (telemetryPayloads.isEmpty()) {
      throw new IllegalStateException("the simulator published no telemetry");
    }
  }
}
