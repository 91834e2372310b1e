package io.fleetcare.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.RejectReason;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.ingest.testing.TestVins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 100,000 generated and mutated payloads through the decoder operator: nothing escapes, every
 * payload is either accepted as a valid message or dead-lettered with a contract reason.
 */
class VehicleMessageDecoderFuzzTest {
  private static final Logger LOG = LoggerFactory.getLogger(VehicleMessageDecoderFuzzTest.class);
  private static final int CASES = 100_000;
  private static final long SEED = 0xF1EE7CA4EL;
  private static final long RECEIVED_AT = 1_772_352_000_000L;

  private final PayloadCodec codec = new PayloadCodec();

  @Test
  void everyHostilePayloadIsAcceptedAsValidOrRejectedWithAReason() throws Exception {
    HostilePayloads generator = new HostilePayloads(SEED, TestVins.random(new Random(SEED), 8));
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<String> notReEncodable = new ArrayList<>();
    List<String> reasons = Arrays.stream(RejectReason.values()).map(Enum::name).toList();

    try (OneInputStreamOperatorTestHarness<MqttRecord, VehicleMessage> harness = harness()) {
      for (int i = 0; i < CASES; i++) {
        HostilePayloads.Case c = generator.next(i);
        harness.processElement(MqttRecord.of(c.topic(), c.payload(), RECEIVED_AT), RECEIVED_AT);

        List<VehicleMessage> accepted = harness.extractOutputValues();
        var side = harness.getSideOutput(VehicleMessageDecoder.DEAD_LETTERS);
        List<DeadLetter> rejected =
            side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
        if (accepted.size() + rejected.size() != 1) {
          problems.add(c.kind() + " #" + i + ": " + accepted.size() + " out, " + rejected.size());
        } else if (!accepted.isEmpty()) {
          checkValid(c, accepted.getFirst(), problems, notReEncodable, i);
          outcomes.merge("ACCEPTED", 1, Integer::sum);
        } else {
          DeadLetter letter = rejected.getFirst();
          if (!reasons.contains(letter.reason())
              || letter.detail().isBlank()
              || letter.payloadPrefix().length > DeadLetter.MAX_PAYLOAD_PREFIX_BYTES
              || letter.payloadBytes() != c.payload().length) {
            problems.add(c.kind() + " #" + i + ": bad dead letter " + letter);
          }
          outcomes.merge(letter.reason(), 1, Integer::sum);
        }
        harness.getOutput().clear();
        if (side != null) {
          side.clear();
        }
      }
    }

    LOG.info("Decoder fuzz, seed {}: {} cases, outcomes {}", SEED, CASES, outcomes);
    assertThat(problems).as("cases handled wrongly").isEmpty();
    // Known core defect (reported; core is not ours to change): a string field holding an
    // unpaired UTF-16 surrogate escape such as "\ud800" is accepted, and PayloadCodec.encode then
    // throws. Any other accepted message that does not re-encode is a new defect.
    LOG.warn(
        "{} accepted messages cannot be re-encoded by PayloadCodec (unpaired surrogates)",
        notReEncodable.size());
    assertThat(notReEncodable).allMatch(p -> p.contains("surrogate"));
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
    assertThat(outcomes).containsKey("ACCEPTED").hasSizeGreaterThan(8);
  }

  /**
   * A harness that copies output with the serializer Flink itself picks for the decoder's output
   * type (Kryo, as {@link VehicleMessage} is an interface), so every accepted message also proves
   * it can travel between operators. The default harness would derive a POJO serializer from the
   * first element and fail on the first message of another type.
   */
  private static OneInputStreamOperatorTestHarness<MqttRecord, VehicleMessage> harness()
      throws Exception {
    VehicleMessageDecoder decoder = new VehicleMessageDecoder();
    TypeInformation<VehicleMessage> outputType =
        TypeExtractor.getUnaryOperatorReturnType(
            decoder,
            ProcessFunction.class,
            0,
            1,
            TypeExtractor.NO_INDEX,
            TypeInformation.of(MqttRecord.class),
            null,
            false);
    OneInputStreamOperatorTestHarness<MqttRecord, VehicleMessage> harness =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(decoder));
    harness.setup(outputType.createSerializer(new SerializerConfigImpl()));
    harness.open();
    return harness;
  }

  /** An accepted message must be one the contract allows: re-encoding it decodes to itself. */
  private void checkValid(
      HostilePayloads.Case c,
      VehicleMessage message,
      List<String> problems,
      List<String> notReEncodable,
      int index) {
    String topicVin = Topic.parse(c.topic()).map(Topic::vin).orElse(null);
    if (!message.vin().equals(topicVin)) {
      problems.add(c.kind() + " #" + index + ": accepted with VIN not matching topic");
      return;
    }
    DecodeResult again;
    try {
      again = codec.decode(c.topic(), codec.encode(message));
    } catch (RuntimeException e) {
      notReEncodable.add(c.kind() + " #" + index + ": accepted message cannot be encoded: " + e);
      return;
    }
    if (!(again instanceof DecodeResult.Accepted a) || !a.message().equals(message)) {
      problems.add(c.kind() + " #" + index + ": accepted message does not round-trip: " + again);
    }
  }

  @Test
  void theGeneratorCoversEveryKindOfHostility() {
    HostilePayloads generator = new HostilePayloads(SEED, TestVins.random(new Random(SEED), 2));
    Map<String, Long> kinds =
        java.util.stream.IntStream.range(0, 20_000)
            .mapToObj(generator::next)
            .collect(Collectors.groupingBy(HostilePayloads.Case::kind, Collectors.counting()));

    assertThat(kinds)
        .containsKeys(
            "valid",
            "truncated",
            "bytes flipped",
            "wrong type or value",
            "invalid UTF-8",
            "deep nesting",
            "absurd time",
            "odd topic",
            "noise",
            "random JSON",
            "megabyte string",
            "over the size limit",
            "huge array");
  }
}
