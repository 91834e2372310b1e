package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import org.junit.jupiter.api.Test;

class BenchFleetTest {
  private final PayloadCodec codec = new PayloadCodec();

  @Test
  void payloadsAreValidWireContractMessagesWithRisingSeq() {
    BenchFleet fleet = new BenchFleet('K', 3, 1_763_805_600_000L);
    for (int round = 1; round <= 2; round++) {
      for (int v = 0; v < 3; v++) {
        DecodeResult r = codec.decode(fleet.telemetryTopic(v), fleet.nextPayload(v));
        assertThat(r).isInstanceOf(DecodeResult.Accepted.class);
        TelemetryMessage m = (TelemetryMessage) ((DecodeResult.Accepted) r).message();
        assertThat(m.vin()).isEqualTo(fleet.vin(v));
        assertThat(m.seq()).isEqualTo(round);
        assertThat(m.samples()).hasSize(BenchFleet.SAMPLES_PER_MESSAGE);
        assertThat(m.samples().getFirst().tsMs())
            .isEqualTo(1_763_805_600_000L + (round - 1) * 10_000L);
      }
    }
  }

  @Test
  void aTwoHourParkingGapFollowsEverySixtiethMessage() {
    long start = 1_763_805_600_000L;
    assertThat(BenchFleet.firstSampleMs(start, 60)).isEqualTo(start + 59 * 10_000L);
    assertThat(BenchFleet.firstSampleMs(start, 61))
        .isEqualTo(start + 60 * 10_000L + 2 * 3_600_000L);
  }

  @Test
  void profileAndFaultCodePayloadsDecode() {
    BenchFleet fleet = new BenchFleet('K', 1, 1_763_805_600_000L);
    String vin = fleet.vin(0);
    assertThat(codec.decode(Topic.of(vin, TopicKind.PROFILE), fleet.profilePayload(0)))
        .isInstanceOf(DecodeResult.Accepted.class);
    assertThat(
            codec.decode(
                Topic.of(vin, TopicKind.EVENTS), fleet.dtcSetPayload(vin, 1_763_805_600_000L)))
        .isInstanceOf(DecodeResult.Accepted.class);
  }

  @Test
  void publisherThreadsShareTheFleetWithoutOverlap() {
    for (int v = 0; v < 10; v++) {
      int owners = 0;
      for (int t = 0; t < 3; t++) {
        owners += BenchFleet.owns(t, 3, v) ? 1 : 0;
      }
      assertThat(owners).isEqualTo(1);
    }
  }
}
