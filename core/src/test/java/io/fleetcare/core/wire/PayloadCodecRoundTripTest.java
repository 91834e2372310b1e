package io.fleetcare.core.wire;

import static io.fleetcare.core.signal.SignalCatalogue.BATTERY_12V_VOLTAGE;
import static io.fleetcare.core.signal.SignalCatalogue.SPEED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult.Accepted;
import io.fleetcare.core.wire.DecodeResult.Rejected;
import io.fleetcare.core.wire.VehicleProfile.FuelType;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoding is the inverse of decoding, is deterministic, and no input makes decoding throw. */
class PayloadCodecRoundTripTest {
  private static final String VIN = PayloadCodecDecodeTest.VIN;
  private static final long T0 = Instant.parse("2025-11-22T10:00:00Z").toEpochMilli();

  private final PayloadCodec codec = new PayloadCodec();

  static List<VehicleMessage> messages() {
    Map<String, Double> signals = new LinkedHashMap<>();
    signals.put(SPEED, 54.2);
    signals.put(BATTERY_12V_VOLTAGE, 14.1);
    signals.put(SignalCatalogue.TRAVELED_DISTANCE, 48_213_775.5);
    signals.put(SignalCatalogue.tirePressure("Row2.Wheel.Right"), 231.0);
    signals.put(SignalCatalogue.LATITUDE, -33.8688);
    signals.put("Vehicle.OBD.Catalyst.Bank1.Temperature1", 434.7);
    Map<String, String> other = new LinkedHashMap<>();
    other.put("Vehicle.OBD.FuelStatus", "\"CL\"");
    other.put("Vehicle.OBD.DTCList", "[\"P0301\",\"P0420\"]");
    other.put("Fleetcare.Driver.Note", "\"Straße nach München\"");
    TelemetryMessage telemetry =
        new TelemetryMessage(
            1,
            VIN,
            1842,
            List.of(
                new Sample(T0, signals, other),
                new Sample(T0 + 1000, Map.of(SPEED, 55.0)),
                new Sample(T0 + 2000, Map.of())),
            Map.of("gateway", "{\"fw\":\"1.4.2\",\"uptimeS\":86400}"));
    EventMessage events =
        new EventMessage(
            1,
            VIN,
            77,
            List.of(
                new VehicleEvent.IgnitionOn(T0),
                new VehicleEvent.EngineStart(T0 + 2000, 10.4),
                new VehicleEvent.DtcSet(T0 + 60_000, "P0301"),
                new VehicleEvent.DtcCleared(T0 + 120_000, "P0301"),
                new VehicleEvent.ServicePerformed(T0 + 180_000, "BRAKE_PADS", 45_210.5),
                new VehicleEvent.Other(T0 + 190_000, "DOOR_OPEN", Map.of("door", "\"Row1.Left\"")),
                new VehicleEvent.IgnitionOff(T0 + 200_000)),
            Map.of("source", "\"dealer-dms\""));
    VehicleProfile profile =
        new VehicleProfile(
            1,
            "5YJ3E1EA2KF317000",
            Powertrain.BEV,
            FuelType.NONE,
            0,
            1847,
            2019,
            "D-München 7",
            true,
            Map.of("trim", "\"Long Range\""));
    VehicleProfile ice =
        new VehicleProfile(
            1, VIN, Powertrain.ICE, FuelType.DIESEL, 1.6, 1350.5, 2021, "D001", false, Map.of());
    return List.of(telemetry, events, profile, ice);
  }

  @ParameterizedTest
  @MethodSource("messages")
  void decodingAnEncodedMessageGivesItBack(VehicleMessage message) {
    byte[] encoded = codec.encode(message);

    assertThat(codec.decode(topicOf(message), encoded)).isEqualTo(new Accepted(message));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void encodingIsDeterministic(VehicleMessage message) {
    byte[] first = codec.encode(message);

    assertThat(codec.encode(message)).isEqualTo(first);
    assertThat(new PayloadCodec().encode(message)).isEqualTo(first);
    // Re-encoding what was decoded is a fixed point.
    VehicleMessage decoded = ((Accepted) codec.decode(topicOf(message), first)).message();
    assertThat(codec.encode(decoded)).isEqualTo(first);
  }

  @Test
  void encodesInContractFieldOrder() {
    TelemetryMessage telemetry =
        new TelemetryMessage(
            VIN,
            1842,
            List.of(
                new Sample(1763805600000L, ordered(SPEED, 54.2, BATTERY_12V_VOLTAGE, 14.1)),
                new Sample(1763805601000L, Map.of(SPEED, 55.0))));
    EventMessage events =
        new EventMessage(
            VIN,
            78,
            List.of(
                new VehicleEvent.EngineStart(1763805592000L, 10.4),
                new VehicleEvent.ServicePerformed(1763806000000L, "BATTERY_12V", 45210.5)));
    VehicleProfile profile =
        new VehicleProfile(
            1, VIN, Powertrain.HEV, FuelType.PETROL, 1.5, 1350, 2019, "D001", false, Map.of());

    assertThat(new String(codec.encode(telemetry), UTF_8))
        .isEqualTo(
            "{\"v\":1,\"vin\":\"1HGCM82633A004352\",\"seq\":1842,\"samples\":["
                + "{\"ts\":1763805600000,\"signals\":{\"Vehicle.Speed\":54.2,"
                + "\"Vehicle.LowVoltageBattery.CurrentVoltage\":14.1}},"
                + "{\"ts\":1763805601000,\"signals\":{\"Vehicle.Speed\":55.0}}]}");
    assertThat(new String(codec.encode(events), UTF_8))
        .isEqualTo(
            "{\"v\":1,\"vin\":\"1HGCM82633A004352\",\"seq\":78,\"events\":["
                + "{\"ts\":1763805592000,\"type\":\"ENGINE_START\",\"crankingMinV\":10.4},"
                + "{\"ts\":1763806000000,\"type\":\"SERVICE_PERFORMED\",\"service\":\"BATTERY_12V\","
                + "\"odometerKm\":45210.5}]}");
    assertThat(new String(codec.encode(profile), UTF_8))
        .isEqualTo(
            "{\"v\":1,\"vin\":\"1HGCM82633A004352\",\"powertrain\":\"HEV\",\"fuel\":\"petrol\","
                + "\"engineDisplacementL\":1.5,\"massKg\":1350.0,\"modelYear\":2019,"
                + "\"dealerId\":\"D001\",\"hasPadWearSensor\":false}");
  }

  @Test
  void keyOrderSurvivesEncodingAndDecoding() {
    // Reverse alphabetical on purpose: neither sorted nor hash order.
    Map<String, Double> signals = new LinkedHashMap<>();
    IntStream.range(0, 40).map(i -> 39 - i).forEach(i -> signals.put("Vendor.S" + i, (double) i));
    Map<String, String> extras = new LinkedHashMap<>();
    extras.put("zeta", "1");
    extras.put("alpha", "2");
    extras.put("mu", "3");
    TelemetryMessage message =
        new TelemetryMessage(1, VIN, 1, List.of(new Sample(T0, signals)), extras);

    String json = new String(codec.encode(message), UTF_8);
    TelemetryMessage decoded =
        (TelemetryMessage)
            ((Accepted) codec.decode(topicOf(message), json.getBytes(UTF_8))).message();

    assertThat(json.indexOf("Vendor.S39")).isLessThan(json.indexOf("Vendor.S0\""));
    assertThat(json).endsWith(",\"zeta\":1,\"alpha\":2,\"mu\":3}");
    assertThat(decoded.samples().getFirst().signals().keySet())
        .containsExactlyElementsOf(signals.keySet());
    assertThat(decoded.extraFields().keySet()).containsExactly("zeta", "alpha", "mu");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "telemetry:etios-engine-start-telemetry.json",
        "telemetry:etios-commute-telemetry.json",
        "events:etios-events.json",
        "profile:etios-profile.json"
      })
  void capturedPayloadsSurviveDecodeEncodeDecode(String kindAndFile) {
    String[] parts = kindAndFile.split(":");
    String topic = "fleet/MBJB29BT3E8012345/" + parts[0];

    DecodeResult first = codec.decode(topic, resource(parts[1]));
    VehicleMessage message = ((Accepted) first).message();

    assertThat(codec.decode(topic, codec.encode(message))).isEqualTo(first);
  }

  // ---- hostile input ----

  /** A payload built to hurt, and the reason it must be rejected with. */
  record Hostile(String name, RejectReason reason, String topic, Supplier<byte[]> payload) {
    Hostile(String name, RejectReason reason, Supplier<byte[]> payload) {
      this(name, reason, PayloadCodecDecodeTest.TELEMETRY_TOPIC, payload);
    }

    @Override
    public String toString() {
      return name + " -> " + reason;
    }
  }

  static List<Hostile> hostile() {
    String telemetry = PayloadCodecDecodeTest.TELEMETRY;
    List<Hostile> h = new ArrayList<>();
    h.add(
        new Hostile(
            "10,000 nested arrays",
            RejectReason.MALFORMED_JSON,
            () -> utf8("[".repeat(10_000) + "]".repeat(10_000))));
    h.add(
        new Hostile(
            "10,000 nested objects in a signal",
            RejectReason.MALFORMED_JSON,
            () ->
                utf8(
                    swap(telemetry, "55.0", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)))));
    h.add(
        new Hostile(
            "10,000 unclosed objects",
            RejectReason.MALFORMED_JSON,
            () -> utf8("{\"a\":".repeat(10_000))));
    h.add(
        new Hostile(
            "2 MB payload",
            RejectReason.PAYLOAD_TOO_LARGE,
            () -> utf8(swap(telemetry, "55.0", "\"" + "x".repeat(2 << 20) + "\""))));
    h.add(
        new Hostile("2 MB of zero bytes", RejectReason.PAYLOAD_TOO_LARGE, () -> new byte[2 << 20]));
    h.add(new Hostile("1 KB of zero bytes", RejectReason.MALFORMED_JSON, () -> new byte[1024]));
    h.add(
        new Hostile(
            "random binary",
            RejectReason.MALFORMED_JSON,
            () -> {
              byte[] b = new byte[4096];
              new Random(42).nextBytes(b);
              return b;
            }));
    // Invalid UTF-8 placed inside a string value, where a lenient parser would let it through.
    for (int[] bytes :
        new int[][] {
          {0xFF}, // never valid
          {0x80}, // continuation byte without a lead byte
          {0xC3, 0x28}, // lead byte, then not a continuation
          {0xC0, 0xAF}, // overlong '/'
          {0xE0, 0x80, 0xAF}, // overlong '/' in three bytes
          {0xED, 0xA0, 0x80}, // UTF-16 surrogate encoded as UTF-8 (CESU-8)
          {0xF4, 0x90, 0x80, 0x80}, // beyond U+10FFFF
          {0xF8, 0x88, 0x80, 0x80, 0x80}, // five-byte form
          {0xE2, 0x82}, // truncated three-byte sequence
        }) {
      h.add(
          new Hostile(
              "invalid UTF-8 " + hex(bytes),
              RejectReason.MALFORMED_JSON,
              () -> withBytesInAString(telemetry, bytes)));
    }
    h.add(
        new Hostile(
            "truncated multi-byte character at the very end",
            RejectReason.MALFORMED_JSON,
            () -> {
              byte[] p = utf8(telemetry + "\u20ac");
              return Arrays.copyOf(p, p.length - 1);
            }));
    for (String literal : List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf")) {
      h.add(
          new Hostile(
              literal + " literal",
              RejectReason.MALFORMED_JSON,
              () -> utf8(swap(telemetry, "54.2", literal))));
    }
    h.add(
        new Hostile(
            "a number too big for a double",
            RejectReason.WRONG_TYPE,
            () -> utf8(swap(telemetry, "54.2", "1e999999"))));
    h.add(
        new Hostile(
            "a 10,000-digit number",
            RejectReason.MALFORMED_JSON,
            () -> utf8(swap(telemetry, "54.2", "9".repeat(10_000)))));
    h.add(
        new Hostile(
            "a 100,000-character key",
            RejectReason.MALFORMED_JSON,
            () ->
                utf8(
                    swap(
                        telemetry,
                        "\"Vehicle.Speed\":55.0",
                        "\"" + "k".repeat(100_000) + "\":1"))));
    h.add(
        new Hostile(
            "duplicate top-level key",
            RejectReason.MALFORMED_JSON,
            () -> utf8(swap(telemetry, "\"v\":1,", "\"v\":1,\"v\":1,"))));
    h.add(
        new Hostile(
            "duplicate vin, the second one different",
            RejectReason.MALFORMED_JSON,
            () ->
                utf8(
                    swap(
                        telemetry, "\"seq\":1842", "\"seq\":1842,\"vin\":\"WVWZZZ1JZXW000001\""))));
    h.add(
        new Hostile(
            "duplicate ts in a sample",
            RejectReason.MALFORMED_JSON,
            () ->
                utf8(
                    swap(telemetry, "{\"ts\":1763805601000,", "{\"ts\":1763805601000,\"ts\":0,"))));
    h.add(
        new Hostile(
            "duplicate key in an unknown nested value",
            RejectReason.MALFORMED_JSON,
            () -> utf8(swap(telemetry, "55.0", "{\"a\":1,\"a\":2}"))));
    h.add(
        new Hostile(
            "duplicate key in an event",
            RejectReason.MALFORMED_JSON,
            PayloadCodecDecodeTest.EVENTS_TOPIC,
            () ->
                utf8(
                    swap(
                        PayloadCodecDecodeTest.EVENTS,
                        "\"crankingMinV\":10.4",
                        "\"crankingMinV\":10.4,\"crankingMinV\":12.6"))));
    h.add(
        new Hostile(
            "100,000 samples",
            RejectReason.BAD_BATCH_SIZE,
            () ->
                utf8(
                    PayloadCodecDecodeTest.telemetryWithSamples(1)
                        .replace("}}]}", "}}" + ",0".repeat(99_999) + "]}"))));
    h.add(
        new Hostile(
            "100,000 events",
            RejectReason.BAD_BATCH_SIZE,
            PayloadCodecDecodeTest.EVENTS_TOPIC,
            () ->
                utf8(
                    PayloadCodecDecodeTest.events(
                        IntStream.range(0, 100_000).mapToObj(i -> "{}").toArray(String[]::new)))));
    h.add(
        new Hostile(
            "100,000-element array as a catalogued signal",
            RejectReason.WRONG_TYPE,
            () -> utf8(swap(telemetry, "54.2", array(100_000)))));
    h.add(
        new Hostile(
            "30,000 signals in one sample",
            RejectReason.BAD_BATCH_SIZE,
            () ->
                utf8(
                    swap(
                        telemetry,
                        "{\"Vehicle.Speed\":55.0}",
                        PayloadCodecDecodeTest.signals(30_000)))));
    return h;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileInputIsRejectedWithAReasonNotAnException(Hostile hostile) {
    byte[] payload = hostile.payload().get();

    DecodeResult result = codec.decode(hostile.topic(), payload);

    assertThat(result)
        .asInstanceOf(type(Rejected.class))
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(hostile.reason());
              assertThat(r.detail()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            });
  }

  @Test
  void aHundredThousandElementArrayInAnUnknownSignalIsKeptRaw() {
    String unknown =
        swap(
            PayloadCodecDecodeTest.TELEMETRY,
            "{\"Vehicle.Speed\":55.0}",
            "{\"Vendor.Trace\":" + array(100_000) + "}");
    TelemetryMessage kept =
        (TelemetryMessage)
            ((Accepted) codec.decode(PayloadCodecDecodeTest.TELEMETRY_TOPIC, utf8(unknown)))
                .message();
    assertThat(kept.samples().get(1).otherSignals().get("Vendor.Trace")).hasSize(200_001);
  }

  @Test
  void aLargerPayloadLimitStillBoundsStrings() {
    PayloadCodec generous =
        new PayloadCodec(
            new DecodeLimits(
                8 << 20,
                DecodeLimits.DEFAULT.maxBatchSize(),
                DecodeLimits.DEFAULT.maxSignalsPerSample(),
                DecodeLimits.DEFAULT.minEventTimeMs(),
                DecodeLimits.DEFAULT.maxEventTimeMs()));
    String payload =
        swap(PayloadCodecDecodeTest.TELEMETRY, "55.0", "\"" + "x".repeat(2 << 20) + "\"");

    assertThat(generous.decode(PayloadCodecDecodeTest.TELEMETRY_TOPIC, utf8(payload)))
        .asInstanceOf(type(Rejected.class))
        .extracting(Rejected::reason)
        .isEqualTo(RejectReason.MALFORMED_JSON);
  }

  /**
   * Seeded mutation fuzzing of valid payloads: flipped bytes, cut and repeated ranges, inserted
   * JSON punctuation. Whatever comes out, decoding returns a result and never throws.
   */
  @Test
  void mutatedPayloadsNeverThrow() {
    Random random = new Random(20251122);
    List<String[]> bases =
        List.of(
            new String[] {PayloadCodecDecodeTest.TELEMETRY_TOPIC, PayloadCodecDecodeTest.TELEMETRY},
            new String[] {PayloadCodecDecodeTest.EVENTS_TOPIC, PayloadCodecDecodeTest.EVENTS},
            new String[] {PayloadCodecDecodeTest.PROFILE_TOPIC, PayloadCodecDecodeTest.PROFILE});
    byte[] punctuation = utf8("{}[]\":,-.eE0123456789 \\nulltruefalse\u00e9");
    int accepted = 0;
    for (int i = 0; i < 5_000; i++) {
      String[] base = bases.get(random.nextInt(bases.size()));
      byte[] payload = mutate(utf8(base[1]), random, punctuation);

      DecodeResult result = codec.decode(base[0], payload);

      assertThat(result).isNotNull();
      if (result instanceof Rejected r) {
        assertThat(r.reason()).isNotNull();
        assertThat(r.detail()).isNotBlank();
      } else {
        accepted++;
      }
    }
    assertThat(accepted).as("some mutations stay valid").isPositive().isLessThan(5_000);
  }

  private static byte[] mutate(byte[] payload, Random random, byte[] punctuation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = random.nextInt(payload.length);
    int length = 1 + random.nextInt(Math.min(16, payload.length - at));
    switch (random.nextInt(4)) {
      case 0 -> { // flip a byte
        byte[] copy = payload.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
      case 1 -> { // cut a range
        out.write(payload, 0, at);
        out.write(payload, at + length, payload.length - at - length);
      }
      case 2 -> { // repeat a range
        out.write(payload, 0, at + length);
        out.write(payload, at, payload.length - at);
      }
      default -> { // insert punctuation
        out.write(payload, 0, at);
        out.write(punctuation[random.nextInt(punctuation.length)]);
        out.write(payload, at, payload.length - at);
      }
    }
    return out.toByteArray();
  }

  // ---- helpers ----

  private static String topicOf(VehicleMessage message) {
    TopicKind kind =
        switch (message) {
          case TelemetryMessage m -> TopicKind.TELEMETRY;
          case EventMessage m -> TopicKind.EVENTS;
          case VehicleProfile p -> TopicKind.PROFILE;
        };
    return Topic.of(message.vin(), kind);
  }

  private static byte[] withBytesInAString(String telemetry, int[] bytes) {
    byte[] base = utf8(swap(telemetry, "\"Vehicle.Speed\":55.0", "\"Vendor.Note\":\"a|b\""));
    int cut = new String(base, UTF_8).indexOf('|'); // ASCII up to here, so chars == bytes
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(base, 0, cut);
    for (int b : bytes) {
      out.write(b);
    }
    out.write(base, cut + 1, base.length - cut - 1);
    return out.toByteArray();
  }

  private static String hex(int[] bytes) {
    return Arrays.stream(bytes)
        .mapToObj(b -> String.format("%02X", b))
        .collect(Collectors.joining(" "));
  }

  private static String array(int size) {
    return IntStream.range(0, size).mapToObj(i -> "0").collect(Collectors.joining(",", "[", "]"));
  }

  private static String swap(String base, String from, String to) {
    return PayloadCodecDecodeTest.swap(base, from, to);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> ordered(Object... keysAndValues) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return map;
  }

  private static byte[] resource(String file) {
    return PayloadResources.bytes(file);
  }

  /** A lone surrogate could not be encoded again (nor stored); a proper pair is fine. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"events\":[{\"ts\":%d,\"type\":\"X\\ud800\"}]}",
        "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"events\":[{\"ts\":%d,\"type\":\"SERVICE_PERFORMED\",\"service\":\"\\udc00\",\"odometerKm\":1}]}",
        "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{\"X.\\ud800\":1}}]}",
        "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{\"X.Note\":\"\\ud800\"}}]}",
        "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{}}],\"note\":\"a\\udbffb\"}"
      })
  void unpairedSurrogatesAreRejectedAsInvalidValues(String template) {
    String topic =
        template.contains("events") ? "fleet/" + VIN + "/events" : "fleet/" + VIN + "/telemetry";
    DecodeResult result = codec.decode(topic, String.format(template, VIN, T0).getBytes(UTF_8));
    assertThat(result)
        .asInstanceOf(type(Rejected.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_VALUE))
        .satisfies(r -> assertThat(r.detail()).contains("unpaired UTF-16 surrogate"));
  }

  @Test
  void surrogatePairsSurviveARoundTrip() {
    String json =
        String.format(
            "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{\"X.Note\":\"\\ud83d\\ude97\"}}]}",
            VIN, T0);
    DecodeResult result = codec.decode("fleet/" + VIN + "/telemetry", json.getBytes(UTF_8));
    TelemetryMessage message = (TelemetryMessage) ((Accepted) result).message();
    byte[] again = codec.encode(message);
    assertThat(codec.decode("fleet/" + VIN + "/telemetry", again)).isEqualTo(result);
  }
}
