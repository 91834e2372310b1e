package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceMeterTest {
  @Test
  void readsUserAndSystemTicksEvenWhenTheNameHasSpaces() {
    String stat =
        "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 1 0 100 0 0";
    assertThat(ResourceMeter.ticksOfStatLine(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void cpuIsGivenInCoresOverTheInterval() {
    ResourceMeter.Snapshot a = new ResourceMeter.Snapshot(0, 0, 0, 0, 0, 0, 100);
    ResourceMeter.Snapshot b =
        new ResourceMeter.Snapshot(2_000_000_000L, 3_000_000_000L, 100, 50, 300, 400, 200);
    ResourceMeter.Usage u = ResourceMeter.between(a, b);
    assertThat(u.jvmCores()).isEqualTo(1.5);
    assertThat(u.mosquittoCores()).isEqualTo(0.5);
    assertThat(u.postgresCores()).isEqualTo(0.25);
    assertThat(u.heapUsedBytes()).isEqualTo(200);
  }
}
