package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.RejectReason;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.simulator.gateway.FaultCounts;
import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every injected fault is counted, so a consumer can account for every message. */
class GatewayFaultAccountingTest {
  private static final PayloadCodec CODEC = new PayloadCodec();

  private static SimulatorOptions.Builder options() {
    return SimulatorOptions.builder()
        .seed(5)
        .vehicles(6)
        .days(1)
        .start(Instant.parse("2026-02-02T00:00:00Z"))
        .sampleIntervalS(5);
  }

  @Test
  void everyMessageIsAccountedFor() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulationSummary summary =
        new FleetSimulator(options().faults(GatewayFaultOptions.all(0.05)).build()).run(sink);
    FaultCounts f = summary.faults();

    long producedByVehicles =
        summary.vehicles().stream().mapToLong(VehicleSummary::telemetryMessages).sum()
            + clean().eventMessages();
    assertThat(f.produced()).isEqualTo(producedByVehicles);
    assertThat(sink.messages).hasSize((int) (f.sent() + summary.profileMessages()));
    assertThat(f.duplicated()).isPositive();
    assertThat(f.dropped()).isPositive();
    assertThat(f.malformed()).isPositive();
    assertThat(f.vinMismatched()).isPositive();
    assertThat(f.late()).isPositive();
    assertThat(f.reordered()).isPositive();
    assertThat(f.skewed()).isPositive();

    Map<RejectReason, Integer> rejected = new HashMap<>();
    Set<String> distinct = new HashSet<>();
    long accepted = 0;
    for (CollectingSink.Sent m : sink.messages) {
      switch (CODEC.decode(m.topic(), m.payload())) {
        case DecodeResult.Rejected r -> rejected.merge(r.reason(), 1, Integer::sum);
        case DecodeResult.Accepted a -> {
          long seq =
              switch (a.message()) {
                case TelemetryMessage t -> t.seq();
                case EventMessage e -> e.seq();
                default -> -1;
              };
          if (seq >= 0) {
            accepted++;
            distinct.add(m.topic() + "#" + seq);
          }
        }
      }
    }
    assertThat(rejected.get(RejectReason.MALFORMED_JSON)).isEqualTo((int) f.malformed());
    assertThat(rejected.get(RejectReason.VIN_TOPIC_MISMATCH)).isEqualTo((int) f.vinMismatched());
    assertThat(distinct).hasSize((int) (f.produced() - f.dropped()));
    assertThat(accepted - distinct.size()).isEqualTo(f.duplicated());
  }

  @Test
  void faultsDoNotChangeTheSimulatedFleet() throws Exception {
    SimulationSummary faulty =
        new FleetSimulator(options().faults(GatewayFaultOptions.all(0.1)).build())
            .run(new CollectingSink());

    assertThat(faulty.vehicles()).isEqualTo(clean().vehicles());
  }

  @Test
  void withoutFaultsNothingIsCountedButProduction() throws Exception {
    SimulationSummary summary = clean();

    assertThat(summary.faults().sent()).isEqualTo(summary.faults().produced());
    assertThat(summary.faults())
        .isEqualTo(new FaultCounts(summary.faults().produced(), 0, 0, 0, 0, 0, 0, 0));
  }

  private static SimulationSummary clean() throws Exception {
    return new FleetSimulator(options().build()).run(new CollectingSink());
  }
}
