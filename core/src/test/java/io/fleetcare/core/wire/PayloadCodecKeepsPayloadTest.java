package io.fleetcare.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The codec keeps a telemetry payload as received only when it stands for the decoded fields as it
 * is (plain ASCII, no escapes, no alias signal names), so the archive can store it unencoded.
 */
class PayloadCodecKeepsPayloadTest {
  private static final String TOPIC = PayloadCodecDecodeTest.TELEMETRY_TOPIC;
  private final PayloadCodec codec = new PayloadCodec();

  private static final String CANONICAL =
      """
      {"v":1,"vin":"1HGCM82633A004352","seq":1842,"gateway":{"fw":"2.1"},
       "samples":[{"ts":1763805600000,"signals":{"Vehicle.Speed":54.2,
         "Vehicle.LowVoltageBattery.CurrentVoltage":14.1,"Acme.Wiper":"on"}}]}""";

  private TelemetryMessage decode(String json, java.nio.charset.Charset charset) {
    DecodeResult r = codec.decode(TOPIC, json.getBytes(charset));
    assertThat(r).isInstanceOf(DecodeResult.Accepted.class);
    return (TelemetryMessage) ((DecodeResult.Accepted) r).message();
  }

  @Test
  void aPlainPayloadWithCanonicalNamesIsKeptAsReceived() {
    TelemetryMessage m = decode(CANONICAL, StandardCharsets.US_ASCII);
    assertThat(m.payload()).asString(StandardCharsets.US_ASCII).isEqualTo(CANONICAL);
  }

  @Test
  void aPayloadWithAnAliasIsNotKeptItsValuesAreUnderTheCanonicalName() {
    // PayloadCodecDecodeTest.TELEMETRY sends the 12 V voltage as Vehicle.OBD.ControlModuleVoltage.
    TelemetryMessage m = decode(PayloadCodecDecodeTest.TELEMETRY, StandardCharsets.US_ASCII);
    assertThat(m.hasPayload()).isFalse();
    assertThat(m.payload()).isEmpty();
  }

  @Test
  void aPayloadWithEscapesOrNonAsciiTextIsNotKept() {
    assertThat(
            decode(CANONICAL.replace("2.1", "2\\u002e1"), StandardCharsets.US_ASCII).hasPayload())
        .isFalse();
    assertThat(decode("\uFEFF" + CANONICAL, StandardCharsets.UTF_8).hasPayload()).isFalse();
  }

  @Test
  void theKeptPayloadIsNotPartOfEquality() {
    TelemetryMessage kept = decode(CANONICAL, StandardCharsets.US_ASCII);
    TelemetryMessage built =
        new TelemetryMessage(
            kept.version(), kept.vin(), kept.seq(), kept.samples(), kept.extraFields());
    assertThat(built.hasPayload()).isFalse();
    assertThat(kept).isEqualTo(built).hasSameHashCodeAs(built);
  }
}
