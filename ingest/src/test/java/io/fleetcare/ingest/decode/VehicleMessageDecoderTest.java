package io.fleetcare.ingest.decode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.RejectReason;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.ingest.testing.TelemetryPayloads;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VehicleMessageDecoderTest {
  private static final String VIN = "1HGCM82633A004352";
  private static final String TOPIC = "fleet/" + VIN + "/telemetry";
  private static final long RECEIVED_AT = TelemetryPayloads.T0.toEpochMilli() + 5_000;

  private OneInputStreamOperatorTestHarness<MqttRecord, VehicleMessage> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forProcessFunction(new VehicleMessageDecoder());
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aValidMessageGoesToTheMainOutput() throws Exception {
    harness.processElement(
        MqttRecord.of(TOPIC, TelemetryPayloads.telemetry(VIN, 42), RECEIVED_AT), RECEIVED_AT);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .isInstanceOfSatisfying(
            TelemetryMessage.class,
            m -> {
              assertThat(m.vin()).isEqualTo(VIN);
              assertThat(m.seq()).isEqualTo(42);
              assertThat(m.samples()).hasSize(1);
            });
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void theCapturedContractExampleIsAccepted() throws Exception {
    String payload =
        """
        {"v":1,"vin":"1HGCM82633A004352","seq":1842,
         "samples":[{"ts":1763805600000,"signals":{"Vehicle.Speed":54.2,"Vehicle.OBD.ControlModuleVoltage":14.1}},
                    {"ts":1763805601000,"signals":{"Vehicle.Speed":55.0}}]}
        """;
    harness.processElement(MqttRecord.of(TOPIC, payload.getBytes(UTF_8), RECEIVED_AT), RECEIVED_AT);

    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  @Test
  void hostileMessagesBecomeDeadLettersWithTheirReason() throws Exception {
    send(TOPIC, "{\"v\":1,");
    send("fleet/" + VIN + "/telemetry/extra", "{}");
    send(TOPIC, "[1,2,3]");
    send(TOPIC, "{\"v\":2,\"vin\":\"" + VIN + "\",\"seq\":1,\"samples\":[]}");
    send("fleet/WVWZZZ1JZXW000001/telemetry", payloadFor(VIN, 1));
    send(TOPIC, "{\"v\":1,\"vin\":\"" + VIN + "\",\"seq\":-1,\"samples\":[{}]}");
    send(TOPIC, "{\"v\":1,\"vin\":\"" + VIN + "\",\"seq\":1,\"samples\":[]}");
    send(TOPIC, "{\"v\":1,\"vin\":\"" + VIN + "\",\"seq\":\"one\",\"samples\":[]}");
    send(
        TOPIC,
        "{\"v\":1,\"vin\":\"" + VIN + "\",\"seq\":1,\"samples\":[{\"ts\":-5,\"signals\":{}}]}");

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(deadLetters())
        .extracting(DeadLetter::reason)
        .containsExactly(
            RejectReason.MALFORMED_JSON.name(),
            RejectReason.UNKNOWN_TOPIC.name(),
            RejectReason.NOT_AN_OBJECT.name(),
            RejectReason.UNSUPPORTED_VERSION.name(),
            RejectReason.VIN_TOPIC_MISMATCH.name(),
            RejectReason.INVALID_SEQ.name(),
            RejectReason.BAD_BATCH_SIZE.name(),
            RejectReason.WRONG_TYPE.name(),
            RejectReason.TIMESTAMP_ABSURD.name());
    assertThat(deadLetters())
        .allSatisfy(
            d -> {
              assertThat(d.detail()).isNotBlank();
              assertThat(d.receivedAtMs()).isEqualTo(RECEIVED_AT);
              assertThat(d.complete()).isTrue();
            });
  }

  @Test
  void aDeadLetterKeepsTopicSizeAndOnlyABoundedPrefixOfAHugePayload() throws Exception {
    byte[] huge = new byte[2 << 20];
    Arrays.fill(huge, (byte) 'x');
    harness.processElement(MqttRecord.of(TOPIC, huge, RECEIVED_AT), RECEIVED_AT);

    DeadLetter letter = deadLetters().getFirst();
    assertThat(letter.reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE.name());
    assertThat(letter.topic()).isEqualTo(TOPIC);
    assertThat(letter.payloadBytes()).isEqualTo(huge.length);
    assertThat(letter.payloadPrefix()).hasSize(DeadLetter.MAX_PAYLOAD_PREFIX_BYTES);
    assertThat(letter.complete()).isFalse();
  }

  @Test
  void aDeadLetterKeepsInvalidBytesAsReceived() throws Exception {
    byte[] invalidUtf8 = {'{', '"', 'v', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
    harness.processElement(MqttRecord.of(TOPIC, invalidUtf8, RECEIVED_AT), RECEIVED_AT);

    DeadLetter letter = deadLetters().getFirst();
    assertThat(letter.reason()).isEqualTo(RejectReason.MALFORMED_JSON.name());
    assertThat(letter.payloadPrefix()).isEqualTo(invalidUtf8);
  }

  @Test
  void goodAndBadMessagesInterleaveWithoutAffectingEachOther() throws Exception {
    for (int seq = 0; seq < 10; seq++) {
      harness.processElement(
          MqttRecord.of(TOPIC, TelemetryPayloads.telemetry(VIN, seq), RECEIVED_AT), RECEIVED_AT);
      send(TOPIC, "not json " + seq);
    }

    assertThat(harness.extractOutputValues())
        .extracting(m -> ((TelemetryMessage) m).seq())
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(deadLetters()).hasSize(10);
  }

  private void send(String topic, String payload) throws Exception {
    harness.processElement(MqttRecord.of(topic, payload.getBytes(UTF_8), RECEIVED_AT), RECEIVED_AT);
  }

  private static String payloadFor(String vin, long seq) {
    return new String(TelemetryPayloads.telemetry(vin, seq), UTF_8);
  }

  private List<DeadLetter> deadLetters() {
    var side = harness.getSideOutput(VehicleMessageDecoder.DEAD_LETTERS);
    // The harness creates the side-output queue on the first element sent to it.
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }
}
