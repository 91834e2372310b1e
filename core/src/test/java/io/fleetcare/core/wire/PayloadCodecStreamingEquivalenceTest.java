package io.fleetcare.core.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.Signal;
import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult.Accepted;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path for telemetry ({@link TelemetryStreamDecoder}) changes no result: for
 * every payload the codec gives what the tree decoder alone gives, down to the rejection detail,
 * the iteration order of the maps and whether the payload was kept. Payloads: those of the other
 * codec tests, seeded random valid messages, and seeded mutations of them.
 */
class PayloadCodecStreamingEquivalenceTest {
  private static final String VIN = PayloadCodecDecodeTest.VIN;
  private static final String TOPIC = PayloadCodecDecodeTest.TELEMETRY_TOPIC;
  private static final long T0 = PayloadCodecDecodeTest.T0;

  /** Valid VINs of the other tests, North American (check digit) and not. */
  private static final List<String> VINS =
      List.of(
          VIN,
          "5YJ3E1EA2KF317000",
          "MBJB29BT3E8012345",
          "WVWZZZ1JZXW000001",
          "1M8GDM9AXKP042788",
          "JT2AE09W4P0038539",
          "11111111111111111");

  /** Small limits, so generated payloads cross every one of them. */
  private static final DecodeLimits SMALL =
      new DecodeLimits(1 << 20, 4, 6, T0 + 10_000, T0 + 990_000);

  private static final List<Signal> CATALOGUE = SignalCatalogue.all();
  private static final List<String> ALIASES = List.copyOf(SignalCatalogue.aliases().keySet());

  /** The codec as used, and the tree decoder alone, with the same limits. */
  private record Pair(PayloadCodec fast, PayloadCodec tree) {
    static Pair of(DecodeLimits limits) {
      return new Pair(new PayloadCodec(limits), new PayloadCodec(limits, false));
    }
  }

  private final Pair defaults = Pair.of(DecodeLimits.DEFAULT);
  private final Pair small = Pair.of(SMALL);

  /** Payloads the fast decoder decoded on its own. */
  private int handled;

  // ---- payloads of the other codec tests ----

  @Test
  void payloadsOfTheOtherCodecTests() {
    for (PayloadCodecDecodeTest.Rejection r : PayloadCodecDecodeTest.rejections()) {
      same(defaults, r.topic(), r.payload(), r.name());
    }
    for (PayloadCodecRoundTripTest.Hostile h : PayloadCodecRoundTripTest.hostile()) {
      same(defaults, h.topic(), h.payload().get(), h.name());
    }
    for (VehicleMessage m : PayloadCodecRoundTripTest.messages()) {
      if (m instanceof TelemetryMessage t) {
        same(
            defaults, Topic.of(t.vin(), TopicKind.TELEMETRY), defaults.fast().encode(t), "encoded");
      }
    }
    for (String accepted : acceptedTelemetryOfTheOtherTests()) {
      same(defaults, TOPIC, utf8(accepted), accepted);
      same(defaults, TOPIC, utf8("\uFEFF" + accepted), "with a BOM: " + accepted);
      same(small, TOPIC, utf8(accepted), "small limits: " + accepted);
    }
    for (String file :
        List.of("etios-engine-start-telemetry.json", "etios-commute-telemetry.json")) {
      byte[] payload = resource(file);
      same(defaults, "fleet/MBJB29BT3E8012345/telemetry", payload, file);
      TelemetryMessage decoded =
          (TelemetryMessage)
              ((Accepted) defaults.fast().decode("fleet/MBJB29BT3E8012345/telemetry", payload))
                  .message();
      same(
          defaults,
          "fleet/MBJB29BT3E8012345/telemetry",
          defaults.fast().encode(decoded),
          "re-encoded " + file);
    }
    for (String template : SURROGATE_TEMPLATES) {
      same(defaults, TOPIC, utf8(String.format(template, VIN, T0)), template);
    }
    for (String text : List.of("{\"v\":1,", " \t\r\n", "", "{}", "[]", "null", "1")) {
      same(defaults, TOPIC, text.getBytes(StandardCharsets.US_ASCII), text);
    }
    same(
        defaults,
        TOPIC,
        PayloadCodecDecodeTest.TELEMETRY.getBytes(StandardCharsets.UTF_16BE),
        "UTF-16BE");
    // PayloadCodecDecodeTest.enforcesCustomLimits
    byte[] design = utf8(PayloadCodecDecodeTest.TELEMETRY);
    same(
        Pair.of(new DecodeLimits(design.length, 2, 2, 0, Long.MAX_VALUE)),
        TOPIC,
        design,
        "exact limits");
    same(Pair.of(new DecodeLimits(design.length - 1, 1, 1, 0, 1)), TOPIC, design, "tiny limits");
    assertThat(handled).as("the fast path decoded some of them").isPositive();
  }

  /** Telemetry accepted by the other tests, built as they build it. */
  private static List<String> acceptedTelemetryOfTheOtherTests() {
    String design = PayloadCodecDecodeTest.TELEMETRY;
    List<String> payloads = new ArrayList<>();
    payloads.add(design);
    payloads.add(PayloadCodecDecodeTest.swap(design, "1842", "0"));
    payloads.add(
        PayloadCodecDecodeTest.swap(
            design, "\"seq\":1842", "\"seq\":1842,\"gateway\":{\"fw\":\"1.4.2\"},\"rssi\":-71"));
    payloads.add(
        PayloadCodecDecodeTest.telemetry(
            T0,
            ALIASES.stream()
                .map(alias -> "\"" + alias + "\":12.5")
                .collect(Collectors.joining(",", "{", "}"))));
    payloads.add(
        PayloadCodecDecodeTest.telemetry(
            T0,
            "{\"Vehicle.LowVoltageBattery.CurrentVoltage\":12.6,"
                + "\"Vehicle.OBD.ControlModuleVoltage\":14.1}"));
    payloads.add(
        PayloadCodecDecodeTest.telemetry(
            T0,
            "{\"Vehicle.OBD.ControlModuleVoltage\":14.1,"
                + "\"Vehicle.LowVoltageBattery.CurrentVoltage\":12.6}"));
    payloads.add(
        PayloadCodecDecodeTest.telemetry(
            T0,
            """
            {"Vehicle.Speed":54.2,
             "Vehicle.OBD.Catalyst.Bank1.Temperature1":434.7,
             "Vehicle.OBD.FuelStatus":"CL",
             "Vehicle.OBD.DTCList":["P0301","P0420"],
             "Vendor.Toyota.HybridMode":{"ev":true,"level":2},
             "Vehicle.OBD.O2.Sensor1":null,
             "Vehicle.Body.Lights.IsHighBeamOn":false}"""));
    payloads.add(PayloadCodecDecodeTest.telemetry(T0, "{\"Vendor.Odometer.Raw\":-123456789.5}"));
    payloads.add(
        PayloadCodecDecodeTest.telemetry(DecodeLimits.DEFAULT.minEventTimeMs(), "{}")
            .replace(
                "]}",
                ",{\"ts\":"
                    + (DecodeLimits.DEFAULT.maxEventTimeMs() - 1)
                    + ",\"signals\":"
                    + PayloadCodecDecodeTest.signals(512)
                    + "}]}"));
    payloads.add(PayloadCodecDecodeTest.telemetryWithSamples(10_000));
    payloads.add(
        PayloadCodecDecodeTest.swap(
            design,
            "{\"Vehicle.Speed\":55.0}",
            "{\"Vendor.Trace\":"
                + IntStream.range(0, 1000)
                    .mapToObj(i -> "0")
                    .collect(Collectors.joining(",", "[", "]"))
                + "}"));
    // PayloadCodecKeepsPayloadTest
    String canonical =
        """
        {"v":1,"vin":"1HGCM82633A004352","seq":1842,"gateway":{"fw":"2.1"},
         "samples":[{"ts":1763805600000,"signals":{"Vehicle.Speed":54.2,
           "Vehicle.LowVoltageBattery.CurrentVoltage":14.1,"Acme.Wiper":"on"}}]}""";
    payloads.add(canonical);
    payloads.add(canonical.replace("2.1", "2\\u002e1"));
    payloads.add(canonical.replace("\"gateway\":{\"fw\":\"2.1\"},", ""));
    payloads.add(
        canonical
            .replace("\"gateway\":{\"fw\":\"2.1\"},", "")
            .replace(",\"Acme.Wiper\":\"on\"", ""));
    // PayloadCodecRoundTripTest.keyOrderSurvivesEncodingAndDecoding
    payloads.add(
        "{\"v\":1,\"vin\":\""
            + VIN
            + "\",\"seq\":1,\"samples\":[{\"ts\":"
            + T0
            + ",\"signals\":"
            + IntStream.range(0, 40)
                .map(i -> 39 - i)
                .mapToObj(i -> "\"Vendor.S" + i + "\":" + i + ".0")
                .collect(Collectors.joining(",", "{", "}"))
            + "}],\"zeta\":1,\"alpha\":2,\"mu\":3}");
    return payloads;
  }

  /** PayloadCodecRoundTripTest's surrogate cases on the telemetry topic, and a proper pair. */
  private static final List<String> SURROGATE_TEMPLATES =
      List.of(
          "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{\"X.\\ud800\":1}}]}",
          "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{\"X.Note\":\"\\ud800\"}}]}",
          "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{}}],\"note\":\"a\\udbffb\"}",
          "{\"v\":1,\"vin\":\"%s\",\"seq\":1,\"samples\":[{\"ts\":%d,\"signals\":{\"X.Note\":\"\\ud83d\\ude97\"}}]}");

  // ---- generated payloads ----

  @Test
  void randomValidMessagesAreDecodedByTheFastPath() {
    Random random = new Random(20261207);
    for (int i = 0; i < 1000; i++) {
      String vin = VINS.get(random.nextInt(VINS.size()));
      String topic = Topic.of(vin, TopicKind.TELEMETRY);
      byte[] payload = utf8(render(validMessage(random, vin, 20), random, random.nextInt(4) == 0));
      int handledBefore = handled;

      DecodeResult result = same(defaults, topic, payload, "valid #" + i);

      assertThat(result).as(() -> "valid: " + abbreviate(payload)).isInstanceOf(Accepted.class);
      assertThat(handled)
          .as(() -> "decoded by the fast path: " + abbreviate(payload))
          .isEqualTo(handledBefore + 1);
      same(small, topic, payload, "valid #" + i + " with small limits");
    }
  }

  @Test
  void mutationsOfValidMessages() {
    Random random = new Random(1842);
    int accepted = 0;
    int handledBefore = handled;
    int cases = 4000;
    for (int i = 0; i < cases; i++) {
      String vin = VINS.get(random.nextInt(VINS.size()));
      String topic = Topic.of(vin, TopicKind.TELEMETRY);
      Obj message = validMessage(random, vin, 6);
      String mutation = mutate(message, random);
      byte[] payload =
          mutateText(mutation, render(message, random, random.nextInt(4) == 0), random);

      String what = "#" + i + " " + mutation;
      if (same(defaults, topic, payload, what) instanceof Accepted) {
        accepted++;
      }
      same(small, topic, payload, what + " with small limits");
    }
    assertThat(accepted).as("some mutations stay valid").isBetween(cases / 10, cases * 9 / 10);
    assertThat(handled - handledBefore).as("some mutations stay on the fast path").isPositive();
  }

  @Test
  void truncationAtEveryByte() {
    Random random = new Random(7);
    List<String> payloads =
        List.of(
            PayloadCodecDecodeTest.TELEMETRY,
            render(validMessage(random, VIN, 3), random, false),
            render(validMessage(random, VIN, 2), random, true));
    for (String text : payloads) {
      byte[] payload = utf8(text);
      for (int length = 0; length <= payload.length; length++) {
        same(defaults, TOPIC, Arrays.copyOf(payload, length), "first " + length + " bytes");
      }
    }
  }

  /** PayloadCodecRoundTripTest's byte mutations: flipped, cut, repeated and inserted bytes. */
  @Test
  void byteMutations() {
    Random random = new Random(20251122);
    byte[] punctuation = utf8("{}[]\":,-.eE0123456789 \\nulltruefalse\u00e9");
    for (int i = 0; i < 2000; i++) {
      byte[] base = utf8(render(validMessage(random, VIN, 4), random, false));
      for (int n = 1 + random.nextInt(3); n > 0; n--) {
        base = mutateBytes(base, random, punctuation);
      }
      same(defaults, TOPIC, base, "byte mutation #" + i);
    }
  }

  // ---- comparison ----

  /**
   * Asserts the codec and the tree decoder alone give the same result for {@code payload}, and that
   * the fast decoder on its own decodes it to that result or leaves it; returns the result.
   */
  private DecodeResult same(Pair pair, String topic, byte[] payload, String what) {
    DecodeResult expected = pair.tree().decode(topic, payload);
    DecodeResult actual = pair.fast().decode(topic, payload);
    assertThat(actual).as(() -> what + ": " + abbreviate(payload)).isEqualTo(expected);
    if (expected instanceof Accepted e && e.message() instanceof TelemetryMessage t) {
      sameDetails((TelemetryMessage) ((Accepted) actual).message(), t, what);
    }
    // The fast decoder on its own, where the codec uses it: only ever the tree's accepted message.
    Optional<Topic> parsed = Topic.parse(topic);
    if (parsed.isEmpty()
        || parsed.get().kind() != TopicKind.TELEMETRY
        || payload.length > pair.tree().limits().maxPayloadBytes()
        || !PayloadCodec.isPlainAscii(payload)) {
      return expected;
    }
    Optional<TelemetryMessage> fast =
        pair.fast().telemetryStream().decode(parsed.get().vin(), payload);
    if (fast.isEmpty()) {
      return expected;
    }
    assertThat(expected).as(() -> what + ": " + abbreviate(payload)).isInstanceOf(Accepted.class);
    TelemetryMessage t = (TelemetryMessage) ((Accepted) expected).message();
    assertThat(fast.get()).as(what).isEqualTo(t);
    sameDetails(fast.get(), t, what);
    handled++;
    return expected;
  }

  /** What {@link TelemetryMessage#equals} leaves out: map order and the kept payload. */
  private static void sameDetails(TelemetryMessage actual, TelemetryMessage expected, String what) {
    assertThat(actual.hasPayload()).as("%s: payload kept", what).isEqualTo(expected.hasPayload());
    assertThat(Arrays.equals(actual.payload(), expected.payload()))
        .as("%s: payload", what)
        .isTrue();
    assertThat(List.copyOf(actual.extraFields().entrySet()))
        .as("%s: extra fields in order", what)
        .isEqualTo(List.copyOf(expected.extraFields().entrySet()));
    for (int i = 0; i < expected.samples().size(); i++) {
      Sample a = actual.samples().get(i);
      Sample e = expected.samples().get(i);
      assertThat(List.copyOf(a.signals().entrySet()))
          .as("%s: samples[%d] signals in order", what, i)
          .isEqualTo(List.copyOf(e.signals().entrySet()));
      assertThat(List.copyOf(a.otherSignals().entrySet()))
          .as("%s: samples[%d] other signals in order", what, i)
          .isEqualTo(List.copyOf(e.otherSignals().entrySet()));
    }
  }

  // ---- a JSON model to generate and break payloads ----

  private sealed interface Json {}

  /** JSON text as it is: a number, a string with its quotes, a literal, or anything broken. */
  private record Raw(String text) implements Json {}

  private record Obj(List<Member> members) implements Json {}

  private record Arr(List<Json> items) implements Json {}

  private record Member(String name, Json value) {}

  /**
   * A valid message of 1..{@code maxSamples} samples with random catalogued signals (and now and
   * then an unknown numeric one) in the spellings numbers come in, fields mostly in contract order.
   */
  private static Obj validMessage(Random random, String vin, int maxSamples) {
    List<Json> samples = new ArrayList<>();
    long ts = T0 + random.nextInt(1_000_000);
    // Like the simulator's, the same signals in the same order in every sample; or not.
    boolean sameSignals = random.nextBoolean();
    List<Signal> shuffled = new ArrayList<>(CATALOGUE);
    Collections.shuffle(shuffled, random);
    int count = random.nextInt(12);
    for (int n = 1 + random.nextInt(maxSamples); n > 0; n--) {
      if (!sameSignals) {
        Collections.shuffle(shuffled, random);
        count = random.nextInt(12);
      }
      List<Member> signals = new ArrayList<>();
      for (Signal s : shuffled.subList(0, count)) {
        signals.add(new Member(s.vssPath(), new Raw(number(random, s.min(), s.max()))));
      }
      if (random.nextInt(5) == 0) {
        signals.add(
            random.nextInt(signals.size() + 1),
            new Member("Vendor.Raw.S" + random.nextInt(100), new Raw(number(random, -1e12, 1e12))));
      }
      List<Member> sample = new ArrayList<>();
      sample.add(new Member("ts", new Raw(Long.toString(ts))));
      sample.add(new Member("signals", new Obj(signals)));
      if (random.nextInt(10) == 0) {
        Collections.reverse(sample);
      }
      samples.add(new Obj(sample));
      ts += 1 + random.nextInt(2_000);
    }
    long seq =
        switch (random.nextInt(6)) {
          case 0 -> 0;
          case 1 -> Long.MAX_VALUE - random.nextInt(3);
          case 2 -> Integer.MAX_VALUE + 1L;
          default -> random.nextInt(100_000);
        };
    List<Member> top = new ArrayList<>();
    top.add(new Member("v", new Raw("1")));
    top.add(new Member("vin", new Raw("\"" + vin + "\"")));
    top.add(new Member("seq", new Raw(Long.toString(seq))));
    top.add(new Member("samples", new Arr(samples)));
    if (random.nextInt(8) == 0) {
      Collections.shuffle(top, random);
    }
    return new Obj(top);
  }

  /** A JSON number in [min, max], spelled one of many ways. */
  private static String number(Random random, double min, double max) {
    double v = min + random.nextDouble() * (max - min);
    String text =
        switch (random.nextInt(9)) {
          case 0 -> Long.toString(Math.round(v)); // an integer token
          case 1 -> String.format(Locale.ROOT, "%.1f", v);
          case 2 -> String.format(Locale.ROOT, "%.15f", v); // many decimals
          case 3 -> String.format(Locale.ROOT, "%.4e", v); // 5.4200e+01
          case 4 -> { // 1.5e3, 15E-1
            int exponent = v == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(v)));
            yield String.format(Locale.ROOT, "%.1f", v / Math.pow(10, exponent))
                + (random.nextBoolean() ? "e" : "E")
                + exponent;
          }
          case 5 ->
              min <= 0 && max >= 0
                  ? List.of("-0", "-0.0", "0", "0.0", "-0e0", "0E+0", "-0.000")
                      .get(random.nextInt(7))
                  : Double.toString(v);
          case 6 -> Double.toString(Math.round(v * 10) / 10.0); // 54.2, 1.0E10
          case 7 -> Double.toString((float) v);
          default -> Double.toString(v);
        };
    double parsed = Double.parseDouble(text);
    return parsed >= min && parsed <= max ? text : Double.toString(v);
  }

  /** JSON of {@code json}, with whitespace between tokens when {@code spaced}. */
  private static String render(Json json, Random random, boolean spaced) {
    StringBuilder out = new StringBuilder();
    render(json, out, spaced ? random : null);
    return out.toString();
  }

  private static void render(Json json, StringBuilder out, Random spaces) {
    switch (json) {
      case Raw raw -> out.append(raw.text());
      case Obj obj -> {
        out.append('{');
        for (int i = 0; i < obj.members().size(); i++) {
          space(out, spaces);
          out.append('"').append(obj.members().get(i).name()).append('"');
          space(out, spaces);
          out.append(':');
          space(out, spaces);
          render(obj.members().get(i).value(), out, spaces);
          space(out, spaces);
          if (i + 1 < obj.members().size()) {
            out.append(',');
          }
        }
        out.append('}');
      }
      case Arr arr -> {
        out.append('[');
        for (int i = 0; i < arr.items().size(); i++) {
          space(out, spaces);
          render(arr.items().get(i), out, spaces);
          space(out, spaces);
          if (i + 1 < arr.items().size()) {
            out.append(',');
          }
        }
        out.append(']');
      }
    }
  }

  private static void space(StringBuilder out, Random spaces) {
    if (spaces != null && spaces.nextInt(3) == 0) {
      out.append(List.of(" ", "\n", "\t", "\r\n", "  ").get(spaces.nextInt(5)));
    }
  }

  // ---- mutations ----

  private static final List<String> WEIRD_VALUES =
      List.of(
          "null",
          "\"1\"",
          "1.0",
          "1e0",
          "1E2",
          "2",
          "0",
          "-1",
          "-0",
          "0.0",
          "1.5",
          "true",
          "[]",
          "{}",
          "\"\"",
          "18446744073709551616",
          "9223372036854775807",
          "-9223372036854775808",
          "9223372036854775808",
          "[1]",
          "{\"a\":1}");

  private static final List<String> WEIRD_TIMESTAMPS =
      List.of(
          "null",
          "1.5",
          T0 + ".0",
          T0 + ".5",
          "1.7638056E12",
          "1e12",
          "\"" + T0 + "\"",
          "-1",
          "0",
          "-0",
          Long.toString(DecodeLimits.DEFAULT.minEventTimeMs() - 1),
          Long.toString(DecodeLimits.DEFAULT.minEventTimeMs()),
          Long.toString(DecodeLimits.DEFAULT.maxEventTimeMs() - 1),
          Long.toString(DecodeLimits.DEFAULT.maxEventTimeMs()),
          Long.toString(SMALL.minEventTimeMs() - 1),
          Long.toString(SMALL.minEventTimeMs()),
          Long.toString(SMALL.maxEventTimeMs() - 1),
          Long.toString(SMALL.maxEventTimeMs()),
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "0" + T0,
          "+" + T0);

  private static final List<String> WEIRD_NUMBERS =
      List.of(
          "null",
          "\"54.2\"",
          "true",
          "false",
          "{}",
          "[1]",
          "1e400",
          "-1e400",
          "1e-400",
          "-1e-400",
          "123456789012345678901234567890",
          "-123456789012345678901234567890",
          "0.000000000000000000000000000001",
          "4.9e-324",
          "1.7976931348623157e308",
          "2.2250738585072014E-308",
          "-0",
          "-0.0",
          "1E2",
          "1e+2",
          "100",
          "100.0",
          "0.1e1",
          "9007199254740993",
          "9007199254740993.0",
          "2147483648",
          "-2147483649",
          "1" + "0".repeat(64),
          "1." + "0".repeat(63),
          "01",
          ".5",
          "5.",
          "-",
          "1e",
          "0x10",
          "NaN",
          "\"NaN\"",
          "12.50000000000000000000000000001");

  private static final List<String> UNKNOWN_RAW =
      List.of(
          "\"CL\"",
          "[\"P0301\",\"P0420\"]",
          "{\"ev\":true,\"level\":2}",
          "null",
          "false",
          "1",
          "-71",
          "1.0E10",
          "123456789012345678901234567890",
          "\"\"",
          "{}",
          "[]");

  /** Breaks (or reorders) {@code message} in one place; returns what it did. */
  private static String mutate(Obj message, Random random) {
    List<Member> top = message.members();
    Arr samples =
        top.stream()
            .filter(m -> m.name().equals("samples") && m.value() instanceof Arr)
            .map(m -> (Arr) m.value())
            .findFirst()
            .orElseThrow();
    int s = random.nextInt(samples.items().size());
    Obj sample = (Obj) samples.items().get(s);
    Obj signals =
        (Obj)
            sample.members().stream()
                .filter(m -> m.name().equals("signals"))
                .findFirst()
                .orElseThrow()
                .value();
    List<Member> values = signals.members();
    int kind = random.nextInt(32);
    switch (kind) {
      case 0 -> {
        return "drop " + top.remove(random.nextInt(top.size())).name();
      }
      case 1 -> {
        Member m = top.get(random.nextInt(top.size()));
        top.add(random.nextInt(top.size() + 1), m);
        return "duplicate " + m.name();
      }
      case 2 -> {
        int i = random.nextInt(top.size());
        String name = top.get(i).name();
        String renamed =
            List.of(name + "s", name.toUpperCase(Locale.ROOT), " " + name, name.substring(1))
                .get(random.nextInt(4));
        top.set(i, new Member(renamed, top.get(i).value()));
        return "rename " + name + " to " + renamed;
      }
      case 3 -> {
        Collections.shuffle(top, random);
        return "reorder";
      }
      case 4 -> {
        String name = List.of("gateway", "rssi", "x", "V", "Seq", "").get(random.nextInt(6));
        String value = UNKNOWN_RAW.get(random.nextInt(UNKNOWN_RAW.size()));
        top.add(random.nextInt(top.size() + 1), new Member(name, new Raw(value)));
        return "unknown field " + name + " = " + value;
      }
      case 5, 6 -> {
        int i = random.nextInt(top.size());
        String value = WEIRD_VALUES.get(random.nextInt(WEIRD_VALUES.size()));
        String name = top.get(i).name();
        top.set(i, new Member(name, new Raw(value)));
        return name + " = " + value;
      }
      case 7 -> {
        int i = indexOf(top, "vin");
        String vin = ((Raw) top.get(i).value()).text();
        String other =
            List.of(
                    "\"" + VINS.get(random.nextInt(VINS.size())) + "\"",
                    vin.toLowerCase(Locale.ROOT),
                    vin.substring(0, 17) + "\"",
                    vin.substring(0, 9) + "X" + vin.substring(10),
                    "\"\"",
                    "12345",
                    "\"\\u0020" + vin.substring(1))
                .get(random.nextInt(7));
        top.set(i, new Member("vin", new Raw(other)));
        return "vin " + other;
      }
      case 8 -> {
        samples.items().clear();
        return "no samples";
      }
      case 9 -> {
        int copies = 1 + random.nextInt(6);
        for (int i = 0; i < copies; i++) {
          samples.items().add(random.nextInt(samples.items().size() + 1), sample);
        }
        return copies + " more samples";
      }
      case 10 -> {
        String value = WEIRD_VALUES.get(random.nextInt(WEIRD_VALUES.size()));
        samples.items().set(s, new Raw(value));
        return "samples[" + s + "] = " + value;
      }
      case 11 -> {
        return "drop samples[" + s + "]." + sample.members().remove(random.nextInt(2)).name();
      }
      case 12 -> {
        Member m = sample.members().get(random.nextInt(2));
        sample.members().add(random.nextInt(3), m);
        return "duplicate samples[" + s + "]." + m.name();
      }
      case 13 -> {
        String value = UNKNOWN_RAW.get(random.nextInt(UNKNOWN_RAW.size()));
        sample.members().add(random.nextInt(3), new Member("note", new Raw(value)));
        return "unknown samples[" + s + "].note = " + value;
      }
      case 14, 15 -> {
        int i = indexOf(sample.members(), "ts");
        String value = WEIRD_TIMESTAMPS.get(random.nextInt(WEIRD_TIMESTAMPS.size()));
        sample.members().set(i, new Member("ts", new Raw(value)));
        return "samples[" + s + "].ts = " + value;
      }
      case 16 -> {
        int i = indexOf(sample.members(), "signals");
        String value = WEIRD_VALUES.get(random.nextInt(WEIRD_VALUES.size()));
        sample.members().set(i, new Member("signals", new Raw(value)));
        return "samples[" + s + "].signals = " + value;
      }
      case 17 -> {
        Collections.reverse(sample.members());
        return "samples[" + s + "] reversed";
      }
      case 18, 19 -> {
        ensureSignal(values, random);
        int i = random.nextInt(values.size());
        String value = WEIRD_NUMBERS.get(random.nextInt(WEIRD_NUMBERS.size()));
        String name = values.get(i).name();
        values.set(i, new Member(name, new Raw(value)));
        return name + " = " + value;
      }
      case 20, 21 -> {
        ensureSignal(values, random);
        int i = random.nextInt(values.size());
        String name = values.get(i).name();
        Optional<Signal> signal = SignalCatalogue.find(name);
        if (signal.isEmpty()) {
          return "nothing (unknown signal " + name + ")";
        }
        double min = signal.get().min();
        double max = signal.get().max();
        String value =
            switch (random.nextInt(6)) {
              case 0 -> Double.toString(max + Math.max(1e-9, Math.ulp(max)));
              case 1 -> Double.toString(min - Math.max(1e-9, Math.ulp(min)));
              case 2 -> Double.toString(max);
              case 3 -> Double.toString(min);
              case 4 -> Long.toString((long) Math.floor(min) - 1);
              default -> Long.toString((long) Math.ceil(max) + 1);
            };
        values.set(i, new Member(name, new Raw(value)));
        return name + " = " + value;
      }
      case 22 -> {
        ensureSignal(values, random);
        int i = random.nextInt(values.size());
        String alias = ALIASES.get(random.nextInt(ALIASES.size()));
        Member was = values.get(i);
        values.set(i, new Member(alias, was.value()));
        return "rename " + was.name() + " to alias " + alias;
      }
      case 23 -> {
        String alias = ALIASES.get(random.nextInt(ALIASES.size()));
        Signal signal = SignalCatalogue.find(alias).orElseThrow();
        String value = number(random, signal.min(), signal.max());
        values.add(random.nextInt(values.size() + 1), new Member(alias, new Raw(value)));
        return "alias " + alias + " = " + value;
      }
      case 24 -> {
        ensureSignal(values, random);
        Member m = values.get(random.nextInt(values.size()));
        values.add(random.nextInt(values.size() + 1), m);
        return "duplicate signal " + m.name();
      }
      case 25 -> {
        String value = UNKNOWN_RAW.get(random.nextInt(UNKNOWN_RAW.size()));
        values.add(random.nextInt(values.size() + 1), new Member("Vendor.Other", new Raw(value)));
        return "unknown signal Vendor.Other = " + value;
      }
      case 26 -> {
        String value = WEIRD_NUMBERS.get(random.nextInt(WEIRD_NUMBERS.size()));
        values.add(random.nextInt(values.size() + 1), new Member("Vendor.Number", new Raw(value)));
        return "unknown signal Vendor.Number = " + value;
      }
      case 27 -> {
        int count = List.of(1, 5, 7, 30, 511, 512, 513, 600).get(random.nextInt(8));
        for (int i = 0; i < count; i++) {
          values.add(new Member("Vendor.Many.S" + i, new Raw(Integer.toString(i))));
        }
        return count + " more signals";
      }
      case 28 -> {
        values.clear();
        return "no signals";
      }
      case 29 -> {
        ensureSignal(values, random);
        int i = random.nextInt(values.size());
        String name = values.get(i).name();
        String renamed =
            List.of(
                    name.toLowerCase(Locale.ROOT),
                    name + ".",
                    name + "\\u0041",
                    "X.\\ud800",
                    "",
                    "Vehicle.Speed ")
                .get(random.nextInt(6));
        values.set(i, new Member(renamed, values.get(i).value()));
        return "rename " + name + " to " + renamed;
      }
      default -> {
        return "text"; // see mutateText
      }
    }
  }

  /** Breaks the rendered text when {@link #mutate} chose to. */
  private static byte[] mutateText(String mutation, String text, Random random) {
    if (!mutation.equals("text")) {
      return utf8(text);
    }
    return switch (random.nextInt(5)) {
      case 0 ->
          utf8(
              text
                  + List.of(
                          " ", "\n", "x", "{}", "]", "}", ",", "null", "1", "/*c*/", "//c",
                          "\u0000")
                      .get(random.nextInt(12)));
      case 1 -> utf8(List.of(" ", "[", "\r\n", "{").get(random.nextInt(4)) + text);
      case 2 -> utf8("\uFEFF" + text);
      case 3 -> utf8(text.replaceFirst("\"seq\"", "\"seq\u00e9\"")); // not plain ASCII
      default -> utf8(text.replace("\"signals\"", "\"sign\\u0061ls\"")); // an escape
    };
  }

  private static void ensureSignal(List<Member> values, Random random) {
    if (values.isEmpty()) {
      Signal s = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
      values.add(new Member(s.vssPath(), new Raw(number(random, s.min(), s.max()))));
    }
  }

  private static int indexOf(List<Member> members, String name) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException(name + " missing");
  }

  private static byte[] mutateBytes(byte[] payload, Random random, byte[] punctuation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = random.nextInt(payload.length);
    int length = 1 + random.nextInt(Math.min(16, payload.length - at));
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] copy = payload.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
      }
      case 1 -> {
        out.write(payload, 0, at);
        out.write(payload, at + length, payload.length - at - length);
      }
      case 2 -> {
        out.write(payload, 0, at + length);
        out.write(payload, at, payload.length - at);
      }
      default -> {
        out.write(payload, 0, at);
        out.write(punctuation[random.nextInt(punctuation.length)]);
        out.write(payload, at, payload.length - at);
      }
    }
    return out.toByteArray();
  }

  // ---- helpers ----

  private static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  private static String abbreviate(byte[] payload) {
    String text = new String(payload, 0, Math.min(payload.length, 400), UTF_8);
    return payload.length <= 400 ? text : text + "... (" + payload.length + " bytes)";
  }

  private static byte[] resource(String file) {
    return PayloadResources.bytes(file);
  }
}
