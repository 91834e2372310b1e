package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {
  @Test
  void builderHasTheDocumentedDefaults() {
    SimulatorOptions o = SimulatorOptions.builder().build();

    assertThat(o.seed()).isEqualTo(1);
    assertThat(o.vehicles()).isEqualTo(5);
    assertThat(o.days()).isEqualTo(1);
    assertThat(o.start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(o.samplesPerMessage()).isEqualTo(10);
    assertThat(o.sampleIntervalS()).isEqualTo(1);
    assertThat(o.faults()).isEqualTo(GatewayFaultOptions.NONE);
    assertThat(o.maxMessagesPerSecond()).isZero();
    assertThat(o.groundTruthFile()).isNull();
    assertThat(o.end()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
  }

  @Test
  void badValuesFailWithTheOptionName() {
    assertThatThrownBy(() -> SimulatorOptions.builder().vehicles(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vehicles");
    assertThatThrownBy(() -> SimulatorOptions.builder().days(-1).build())
        .hasMessageContaining("days");
    assertThatThrownBy(() -> SimulatorOptions.builder().samplesPerMessage(0).build())
        .hasMessageContaining("samplesPerMessage");
    assertThatThrownBy(() -> SimulatorOptions.builder().sampleIntervalS(0).build())
        .hasMessageContaining("sampleIntervalS");
    assertThatThrownBy(() -> SimulatorOptions.builder().hybridShare(0.7).electricShare(0.5).build())
        .hasMessageContaining("hybridShare + electricShare");
    assertThatThrownBy(() -> SimulatorOptions.builder().maxMessagesPerSecond(-1).build())
        .hasMessageContaining("maxMessagesPerSecond");
    assertThatThrownBy(
            () ->
                SimulatorOptions.builder()
                    .start(Instant.parse("2099-12-31T00:00:00Z"))
                    .days(5)
                    .build())
        .hasMessageContaining("2100");
    assertThatThrownBy(() -> GatewayFaultOptions.NONE.withDropRate(1.5))
        .hasMessageContaining("dropRate");
  }

  @Test
  void toBuilderRoundTrips() {
    SimulatorOptions o = SimulatorOptions.builder().seed(9).vehicles(7).days(2.5).build();

    assertThat(o.toBuilder().build()).isEqualTo(o);
  }
}
