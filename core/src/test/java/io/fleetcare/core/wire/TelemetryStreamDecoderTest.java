package io.fleetcare.core.wire;

import static io.fleetcare.core.signal.SignalCatalogue.BATTERY_12V_VOLTAGE;
import static io.fleetcare.core.signal.SignalCatalogue.ENGINE_SPEED;
import static io.fleetcare.core.signal.SignalCatalogue.SPEED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult.Accepted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming fast path takes the common telemetry payload (so it is not dead code) and leaves
 * everything unusual to the tree decoder. That both give the same results is {@link
 * PayloadCodecStreamingEquivalenceTest}'s job.
 */
class TelemetryStreamDecoderTest {
  private static final String VIN = PayloadCodecDecodeTest.VIN;
  private static final String TOPIC = PayloadCodecDecodeTest.TELEMETRY_TOPIC;
  private static final long T0 = PayloadCodecDecodeTest.T0;

  private final PayloadCodec codec = new PayloadCodec();
  private final TelemetryStreamDecoder decoder = codec.telemetryStream();

  /** What the simulator publishes: encoded by the codec, ten samples of catalogued signals. */
  private byte[] simulatorLike() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, Double> signals = new LinkedHashMap<>();
      signals.put(SPEED, 54.2 + i);
      signals.put(ENGINE_SPEED, 2100.0);
      signals.put(BATTERY_12V_VOLTAGE, 14.1);
      signals.put(SignalCatalogue.TRAVELED_DISTANCE, 48_213_775.5 + i * 15);
      signals.put(SignalCatalogue.tirePressure("Row1.Wheel.Left"), 231.0);
      signals.put(SignalCatalogue.TRACTION_CURRENT, -12.5);
      samples.add(new Sample(T0 + i * 1000L, signals));
    }
    return codec.encode(new TelemetryMessage(VIN, 1842, samples));
  }

  @Test
  void decodesTheCommonPayloadAndKeepsItAsReceived() {
    byte[] payload = simulatorLike();

    Optional<TelemetryMessage> fast = decoder.decode(VIN, payload);

    assertThat(fast).isPresent();
    assertThat(fast.get())
        .isEqualTo(
            ((Accepted) new PayloadCodec(DecodeLimits.DEFAULT, false).decode(TOPIC, payload))
                .message());
    assertThat(fast.get().payload()).isSameAs(payload);
    assertThat(fast.get().samples()).hasSize(10);
    assertThat(fast.get().samples().getFirst().signals())
        .containsEntry(SPEED, 54.2)
        .containsEntry(SignalCatalogue.TRACTION_CURRENT, -12.5);
  }

  @Test
  void decodesTheCapturedCommuteBatchOfCanonicalNames() throws Exception {
    byte[] payload;
    try (var in = getClass().getResourceAsStream("/payloads/etios-commute-telemetry.json")) {
      payload = in.readAllBytes();
    }

    assertThat(decoder.decode("MBJB29BT3E8012345", payload)).isPresent();
  }

  @Test
  void leavesAPayloadForAnotherVehicleToTheTreeDecoder() {
    assertThat(decoder.decode("WVWZZZ1JZXW000001", simulatorLike())).isEmpty();
  }

  /** Each is valid, and the codec accepts it through the tree decoder. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        // an alias: mapped to the canonical path, and the payload not kept
        "\"signals\":{\"Vehicle.OBD.ControlModuleVoltage\":14.1}",
        // an unknown signal that is not a number: kept raw in otherSignals
        "\"signals\":{\"Vehicle.OBD.FuelStatus\":\"CL\"}",
        // an unknown number beyond a long: a BigIntegerNode in the tree
        "\"signals\":{\"Vendor.Raw\":123456789012345678901234567890}",
        // an unknown field of a sample, which the tree decoder ignores
        "\"signals\":{},\"note\":1",
      })
  void leavesUnusualButValidSamplesToTheTreeDecoder(String sampleFields) {
    String payload =
        "{\"v\":1,\"vin\":\""
            + VIN
            + "\",\"seq\":1,\"samples\":[{\"ts\":"
            + T0
            + ","
            + sampleFields
            + "}]}";

    assertThat(decoder.decode(VIN, payload.getBytes(UTF_8))).isEmpty();
    assertThat(codec.decode(TOPIC, payload.getBytes(UTF_8))).isInstanceOf(Accepted.class);
  }

  @Test
  void leavesUnknownTopLevelFieldsToTheTreeDecoder() {
    String payload =
        PayloadCodecDecodeTest.swap(
            PayloadCodecDecodeTest.telemetry(T0, "{\"Vehicle.Speed\":1}"),
            "\"seq\":1",
            "\"seq\":1,\"gateway\":{\"fw\":\"2.1\"}");

    assertThat(decoder.decode(VIN, payload.getBytes(UTF_8))).isEmpty();
    assertThat(codec.decode(TOPIC, payload.getBytes(UTF_8))).isInstanceOf(Accepted.class);
  }

  @Test
  void leavesTheDesignExampleWithItsAliasToTheTreeDecoder() {
    assertThat(decoder.decode(VIN, PayloadCodecDecodeTest.TELEMETRY.getBytes(UTF_8))).isEmpty();
  }

  @Test
  void leavesEveryRejectionToTheTreeDecoder() {
    for (PayloadCodecDecodeTest.Rejection r : PayloadCodecDecodeTest.rejections()) {
      Optional<Topic> topic = Topic.parse(r.topic());
      if (topic.isPresent() && topic.get().kind() == TopicKind.TELEMETRY) {
        assertThat(decoder.decode(topic.get().vin(), r.payload())).as(r.name()).isEmpty();
      }
    }
  }
}
