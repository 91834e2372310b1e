package io.fleetcare.core.wire;

import static io.fleetcare.core.signal.SignalCatalogue.BATTERY_12V_VOLTAGE;
import static io.fleetcare.core.signal.SignalCatalogue.CONTROL_MODULE_VOLTAGE;
import static io.fleetcare.core.signal.SignalCatalogue.SPEED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult.Accepted;
import io.fleetcare.core.wire.DecodeResult.Rejected;
import io.fleetcare.core.wire.VehicleProfile.FuelType;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder against the wire contract: one table row per way a payload can be rejected, and the
 * accepted shapes (aliases, unknown signals and fields, every event type, the profile, captured
 * gateway payloads).
 */
class PayloadCodecDecodeTest {
  static final String VIN = "1HGCM82633A004352";
  static final String TELEMETRY_TOPIC = "fleet/" + VIN + "/telemetry";
  static final String EVENTS_TOPIC = "fleet/" + VIN + "/events";
  static final String PROFILE_TOPIC = "fleet/" + VIN + "/profile";
  static final long T0 = Instant.parse("2025-11-22T10:00:00Z").toEpochMilli();

  /** The telemetry example of DESIGN.md, verbatim. */
  static final String TELEMETRY =
      """
      {"v":1,"vin":"1HGCM82633A004352","seq":1842,
       "samples":[{"ts":1763805600000,"signals":{"Vehicle.Speed":54.2,"Vehicle.OBD.ControlModuleVoltage":14.1}},
                  {"ts":1763805601000,"signals":{"Vehicle.Speed":55.0}}]}""";

  /** One event of every type. */
  static final String EVENTS =
      """
      {"v":1,"vin":"1HGCM82633A004352","seq":77,"events":[
       {"ts":1763805590000,"type":"IGNITION_ON"},
       {"ts":1763805592000,"type":"ENGINE_START","crankingMinV":10.4},
       {"ts":1763805600000,"type":"DTC_SET","code":"P0301"},
       {"ts":1763805700000,"type":"DTC_CLEARED","code":"P0301"},
       {"ts":1763806000000,"type":"SERVICE_PERFORMED","service":"BRAKE_PADS","odometerKm":45210.5},
       {"ts":1763806100000,"type":"IGNITION_OFF"}]}""";

  /** The profile example of DESIGN.md with its placeholders filled in. */
  static final String PROFILE =
      """
      {"v":1,"vin":"1HGCM82633A004352","powertrain":"ICE","fuel":"petrol","engineDisplacementL":1.5,
       "massKg":1350,"modelYear":2019,"dealerId":"D001","hasPadWearSensor":false}""";

  private final PayloadCodec codec = new PayloadCodec();

  // ---- rejections ----

  /**
   * One way to break a payload.
   *
   * @param detailNames text the rejection detail must contain: the offending field, value or limit
   */
  record Rejection(
      RejectReason reason, String name, String topic, byte[] payload, String detailNames) {
    @Override
    public String toString() {
      return reason + ": " + name;
    }
  }

  static List<Rejection> rejections() {
    List<Rejection> t = new ArrayList<>();
    // PAYLOAD_TOO_LARGE
    t.add(
        reject(
            RejectReason.PAYLOAD_TOO_LARGE,
            "a 1.5 MB batch",
            TELEMETRY_TOPIC,
            swap(
                TELEMETRY,
                "\"seq\":1842,",
                "\"seq\":1842,\"pad\":\"" + "x".repeat(1_500_000) + "\","),
            "limit is 1048576"));
    // UNKNOWN_TOPIC
    t.add(
        reject(
            RejectReason.UNKNOWN_TOPIC,
            "unknown kind",
            "fleet/" + VIN + "/status",
            TELEMETRY,
            "fleet/" + VIN + "/status"));
    t.add(
        reject(
            RejectReason.UNKNOWN_TOPIC,
            "wrong root",
            "vehicles/" + VIN + "/telemetry",
            TELEMETRY,
            "vehicles/"));
    t.add(
        reject(
            RejectReason.UNKNOWN_TOPIC,
            "extra level",
            TELEMETRY_TOPIC + "/raw",
            TELEMETRY,
            "/telemetry/raw"));
    t.add(
        reject(
            RejectReason.UNKNOWN_TOPIC,
            "a filter, not a topic",
            "fleet/+/telemetry",
            TELEMETRY,
            "fleet/+/telemetry"));
    // MALFORMED_JSON
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "truncated",
            TELEMETRY_TOPIC,
            TELEMETRY.substring(0, TELEMETRY.length() - 3),
            "end-of-input"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "NaN literal",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "54.2", "NaN"),
            "NaN"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "Infinity literal",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "54.2", "-Infinity"),
            "Infinity"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "duplicate top-level key",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "\"seq\":1842", "\"seq\":1842,\"seq\":1843"),
            "'seq'"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "duplicate signal",
            TELEMETRY_TOPIC,
            swap(
                TELEMETRY,
                "{\"Vehicle.Speed\":55.0}",
                "{\"Vehicle.Speed\":55.0,\"Vehicle.Speed\":0}"),
            "'Vehicle.Speed'"));
    t.add(reject(RejectReason.MALFORMED_JSON, "empty", TELEMETRY_TOPIC, "", "empty"));
    t.add(reject(RejectReason.MALFORMED_JSON, "blank", TELEMETRY_TOPIC, " \r\n", "empty"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "two objects",
            TELEMETRY_TOPIC,
            TELEMETRY + TELEMETRY,
            "Trailing token"));
    t.add(
        new Rejection(
            RejectReason.MALFORMED_JSON,
            "invalid UTF-8 byte",
            TELEMETRY_TOPIC,
            invalidUtf8(),
            "not valid UTF-8 at byte"));
    t.add(
        new Rejection(
            RejectReason.MALFORMED_JSON,
            "UTF-16",
            TELEMETRY_TOPIC,
            TELEMETRY.getBytes(StandardCharsets.UTF_16),
            "not valid UTF-8"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "33 levels deep",
            TELEMETRY_TOPIC,
            // object, samples, sample, signals: 4 levels before the value
            swap(TELEMETRY, "55.0", "[".repeat(29) + "]".repeat(29)),
            "nesting depth"));
    t.add(
        reject(
            RejectReason.MALFORMED_JSON,
            "raw control character in a string",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "55.0", "\"a\u0001b\""),
            "CTRL-CHAR"));
    // NOT_AN_OBJECT
    t.add(
        reject(
            RejectReason.NOT_AN_OBJECT,
            "batch wrapped in an array",
            TELEMETRY_TOPIC,
            "[" + TELEMETRY + "]",
            "JSON array"));
    t.add(reject(RejectReason.NOT_AN_OBJECT, "null", TELEMETRY_TOPIC, "null", "JSON null"));
    t.add(reject(RejectReason.NOT_AN_OBJECT, "string", EVENTS_TOPIC, "\"IGNITION_ON\"", "string"));
    t.add(reject(RejectReason.NOT_AN_OBJECT, "number", PROFILE_TOPIC, "1", "number"));
    // MISSING_FIELD
    t.add(missing("no v", TELEMETRY_TOPIC, swap(TELEMETRY, "\"v\":1,", ""), "v is missing"));
    t.add(missing("v is null", TELEMETRY_TOPIC, swap(TELEMETRY, "\"v\":1", "\"v\":null"), "v is"));
    t.add(
        missing(
            "no vin", TELEMETRY_TOPIC, swap(TELEMETRY, "\"vin\":\"" + VIN + "\",", ""), "vin is"));
    t.add(missing("no seq", TELEMETRY_TOPIC, swap(TELEMETRY, "\"seq\":1842,", ""), "seq is"));
    t.add(
        missing(
            "no samples",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "\"samples\"", "\"sample\""),
            "samples is missing"));
    t.add(
        missing(
            "sample without ts",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "{\"ts\":1763805601000,", "{"),
            "samples[1].ts is missing"));
    t.add(
        missing(
            "sample without signals",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "\"signals\":{\"Vehicle.Speed\":55.0}", "\"values\":{}"),
            "samples[1].signals is missing"));
    t.add(
        missing(
            "no events",
            EVENTS_TOPIC,
            swap(EVENTS, "\"events\":[", "\"event\":["),
            "events is missing"));
    t.add(
        missing(
            "event without type",
            EVENTS_TOPIC,
            swap(EVENTS, ",\"type\":\"IGNITION_ON\"", ""),
            "events[0].type is missing"));
    t.add(
        missing(
            "ENGINE_START without crankingMinV",
            EVENTS_TOPIC,
            swap(EVENTS, ",\"crankingMinV\":10.4", ""),
            "events[1].crankingMinV is missing"));
    t.add(
        missing(
            "DTC_SET without code",
            EVENTS_TOPIC,
            swap(EVENTS, "\"type\":\"DTC_SET\",\"code\":\"P0301\"", "\"type\":\"DTC_SET\""),
            "events[2].code is missing"));
    t.add(
        missing(
            "SERVICE_PERFORMED without service",
            EVENTS_TOPIC,
            swap(EVENTS, "\"service\":\"BRAKE_PADS\",", ""),
            "events[4].service is missing"));
    t.add(
        missing(
            "profile without massKg",
            PROFILE_TOPIC,
            swap(PROFILE, "\"massKg\":1350,", ""),
            "massKg is missing"));
    t.add(
        missing(
            "profile without dealerId",
            PROFILE_TOPIC,
            swap(PROFILE, "\"dealerId\":\"D001\",", ""),
            "dealerId is missing"));
    // WRONG_TYPE
    t.add(wrongType("v as a string", swap(TELEMETRY, "\"v\":1", "\"v\":\"1\""), "v must be"));
    t.add(wrongType("v as 1.0", swap(TELEMETRY, "\"v\":1", "\"v\":1.0"), "v must be an integer"));
    t.add(wrongType("fractional seq", swap(TELEMETRY, "1842", "1842.5"), "seq must be"));
    t.add(
        wrongType(
            "seq beyond a long",
            swap(TELEMETRY, "1842", "18446744073709551616"),
            "seq must be an integer"));
    t.add(
        wrongType(
            "vin as a number",
            swap(TELEMETRY, "\"" + VIN + "\"", "12345"),
            "vin must be a string"));
    t.add(
        wrongType(
            "samples as an object",
            swap(swap(telemetry(T0, "{}"), "\"samples\":[", "\"samples\":"), "}]}", "}}"),
            "samples is not an array"));
    t.add(
        wrongType(
            "a sample that is a number",
            swap(TELEMETRY, "[{\"ts\":1763805600000", "[42,{\"ts\":1763805600000"),
            "samples[0] is not an object"));
    t.add(
        wrongType(
            "signals as an array",
            swap(TELEMETRY, "\"signals\":{\"Vehicle.Speed\":55.0}", "\"signals\":[55.0]"),
            "samples[1].signals is not an object"));
    t.add(
        wrongType(
            "catalogued signal as a string",
            swap(TELEMETRY, "54.2", "\"54.2\""),
            "samples[0].Vehicle.Speed must be a number in km/h"));
    t.add(
        wrongType(
            "catalogued signal null",
            swap(TELEMETRY, "54.2", "null"),
            "samples[0].Vehicle.Speed must be a number"));
    t.add(
        wrongType(
            "alias as a boolean",
            swap(TELEMETRY, "14.1", "true"),
            "samples[0].Vehicle.OBD.ControlModuleVoltage must be a number in V"));
    t.add(
        wrongType(
            "number overflowing a double",
            swap(TELEMETRY, "54.2", "1e400"),
            "samples[0].Vehicle.Speed is not a finite number"));
    t.add(
        wrongType(
            "unknown signal overflowing a double",
            swap(TELEMETRY, "{\"Vehicle.Speed\":55.0}", "{\"Vehicle.OBD.Catalyst.Temp\":-1e999}"),
            "samples[1].Vehicle.OBD.Catalyst.Temp is not a finite number"));
    t.add(
        wrongType(
            "ts as an ISO string",
            swap(TELEMETRY, "1763805600000", "\"2025-11-22T10:00:00Z\""),
            "samples[0].ts must be integer epoch milliseconds"));
    t.add(
        wrongType(
            "fractional ts",
            swap(TELEMETRY, "1763805601000", "1763805601000.5"),
            "samples[1].ts must be integer"));
    t.add(
        new Rejection(
            RejectReason.WRONG_TYPE,
            "an event that is a string",
            EVENTS_TOPIC,
            utf8(
                swap(EVENTS, "{\"ts\":1763805590000,\"type\":\"IGNITION_ON\"}", "\"IGNITION_ON\"")),
            "events[0] is not an object"));
    t.add(
        new Rejection(
            RejectReason.WRONG_TYPE,
            "crankingMinV as a string",
            EVENTS_TOPIC,
            utf8(swap(EVENTS, "10.4", "\"10.4 V\"")),
            "events[1].crankingMinV must be a number"));
    t.add(
        new Rejection(
            RejectReason.WRONG_TYPE,
            "event type as a number",
            EVENTS_TOPIC,
            utf8(swap(EVENTS, "\"IGNITION_OFF\"", "2")),
            "events[5].type must be a string"));
    t.add(
        new Rejection(
            RejectReason.WRONG_TYPE,
            "hasPadWearSensor as a string",
            PROFILE_TOPIC,
            utf8(swap(PROFILE, "false", "\"no\"")),
            "hasPadWearSensor must be true or false"));
    t.add(
        new Rejection(
            RejectReason.WRONG_TYPE,
            "modelYear as a string",
            PROFILE_TOPIC,
            utf8(swap(PROFILE, "2019", "\"2019\"")),
            "modelYear must be an integer"));
    // UNSUPPORTED_VERSION
    t.add(
        reject(
            RejectReason.UNSUPPORTED_VERSION,
            "v 2",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "\"v\":1", "\"v\":2"),
            "schema version 2"));
    t.add(
        reject(
            RejectReason.UNSUPPORTED_VERSION,
            "v 0 on a profile",
            PROFILE_TOPIC,
            swap(PROFILE, "\"v\":1", "\"v\":0"),
            "schema version 0"));
    // INVALID_VIN
    String altered = "1HGCM82643A004352";
    t.add(
        reject(
            RejectReason.INVALID_VIN,
            "altered check digit",
            "fleet/" + altered + "/telemetry",
            swap(TELEMETRY, VIN, altered),
            "check digit is '4', expected '3'"));
    String lower = VIN.toLowerCase(java.util.Locale.ROOT);
    t.add(
        reject(
            RejectReason.INVALID_VIN,
            "lower case",
            "fleet/" + lower + "/telemetry",
            swap(TELEMETRY, VIN, lower),
            "character 2 'h'"));
    t.add(
        reject(
            RejectReason.INVALID_VIN,
            "16 characters",
            "fleet/" + VIN.substring(1) + "/events",
            swap(EVENTS, VIN, VIN.substring(1)),
            "has 16"));
    t.add(
        reject(
            RejectReason.INVALID_VIN,
            "letter O for zero",
            "fleet/WVWZZZ1JZXWOOOOO1/profile",
            swap(PROFILE, VIN, "WVWZZZ1JZXWOOOOO1"),
            "character 12 'O'"));
    // VIN_TOPIC_MISMATCH
    t.add(
        reject(
            RejectReason.VIN_TOPIC_MISMATCH,
            "another car's topic",
            "fleet/WVWZZZ1JZXW000001/telemetry",
            TELEMETRY,
            VIN + " differs from topic VIN WVWZZZ1JZXW000001"));
    t.add(
        reject(
            RejectReason.VIN_TOPIC_MISMATCH,
            "topic VIN in lower case",
            "fleet/" + lower + "/profile",
            PROFILE,
            "topic VIN " + lower));
    // INVALID_SEQ
    t.add(
        reject(
            RejectReason.INVALID_SEQ,
            "negative seq",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "1842", "-1"),
            "seq -1 is negative"));
    t.add(
        reject(
            RejectReason.INVALID_SEQ,
            "negative seq on events",
            EVENTS_TOPIC,
            swap(EVENTS, "\"seq\":77", "\"seq\":-77"),
            "seq -77"));
    // BAD_BATCH_SIZE
    t.add(
        reject(
            RejectReason.BAD_BATCH_SIZE,
            "no samples",
            TELEMETRY_TOPIC,
            "{\"v\":1,\"vin\":\"" + VIN + "\",\"seq\":1,\"samples\":[]}",
            "samples has 0 entries, allowed 1..10000"));
    t.add(
        reject(
            RejectReason.BAD_BATCH_SIZE,
            "no events",
            EVENTS_TOPIC,
            "{\"v\":1,\"vin\":\"" + VIN + "\",\"seq\":1,\"events\":[]}",
            "events has 0 entries"));
    t.add(
        reject(
            RejectReason.BAD_BATCH_SIZE,
            "10,001 samples",
            TELEMETRY_TOPIC,
            telemetryWithSamples(10_001),
            "samples has 10001 entries, allowed 1..10000"));
    t.add(
        reject(
            RejectReason.BAD_BATCH_SIZE,
            "513 signals in a sample",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "{\"Vehicle.Speed\":55.0}", signals(513)),
            "samples[1] has 513 signals, limit is 512"));
    // VALUE_OUT_OF_RANGE
    t.add(
        outOfRange(
            "speed 612 km/h",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "54.2", "612"),
            "samples[0].Vehicle.Speed = 612.0 km/h is outside [0.0, 500.0]"));
    t.add(
        outOfRange(
            "negative speed",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "55.0", "-0.1"),
            "samples[1].Vehicle.Speed = -0.1"));
    t.add(
        outOfRange(
            "alias out of range is named as sent",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "14.1", "70"),
            "samples[0].Vehicle.OBD.ControlModuleVoltage = 70.0 V"));
    t.add(
        outOfRange(
            "fuel level 101 %",
            TELEMETRY_TOPIC,
            swap(
                TELEMETRY,
                "{\"Vehicle.Speed\":55.0}",
                "{\"Vehicle.Powertrain.FuelSystem.Level\":101}"),
            "Vehicle.Powertrain.FuelSystem.Level = 101.0 percent"));
    t.add(
        outOfRange(
            "latitude 91",
            TELEMETRY_TOPIC,
            swap(
                TELEMETRY, "{\"Vehicle.Speed\":55.0}", "{\"Vehicle.CurrentLocation.Latitude\":91}"),
            "Vehicle.CurrentLocation.Latitude = 91.0 degrees"));
    t.add(
        outOfRange(
            "cranking voltage 80 V",
            EVENTS_TOPIC,
            swap(EVENTS, "10.4", "80"),
            "events[1].crankingMinV = 80.0"));
    t.add(
        outOfRange(
            "negative odometer at service",
            EVENTS_TOPIC,
            swap(EVENTS, "45210.5", "-1"),
            "events[4].odometerKm = -1.0"));
    t.add(outOfRange("mass 0 kg", PROFILE_TOPIC, swap(PROFILE, "1350", "0"), "massKg = 0.0"));
    t.add(
        outOfRange(
            "displacement 25 L",
            PROFILE_TOPIC,
            swap(PROFILE, "1.5", "25"),
            "engineDisplacementL = 25.0"));
    t.add(
        outOfRange(
            "model year 1975", PROFILE_TOPIC, swap(PROFILE, "2019", "1975"), "modelYear = 1975"));
    // TIMESTAMP_ABSURD
    t.add(
        absurdTime(
            "ts in seconds",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "1763805600000", "1763805600"),
            "samples[0].ts = 1763805600 is outside 1996-01-01T00:00:00Z .. 2100-01-01T00:00:00Z"));
    t.add(
        absurdTime(
            "ts in microseconds",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "1763805601000", "1763805601000000"),
            "samples[1].ts = 1763805601000000"));
    t.add(
        absurdTime(
            "ts exactly 2100-01-01",
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "1763805601000", "4102444800000"),
            "samples[1].ts = 4102444800000"));
    t.add(absurdTime("event at epoch 0", EVENTS_TOPIC, swap(EVENTS, "1763805590000", "0"), "= 0"));
    t.add(
        absurdTime(
            "negative event time",
            EVENTS_TOPIC,
            swap(EVENTS, "1763806100000", "-1763806100000"),
            "events[5].ts = -1763806100000"));
    // INVALID_VALUE
    t.add(
        invalid(
            "powertrain PHEV",
            PROFILE_TOPIC,
            swap(PROFILE, "\"ICE\"", "\"PHEV\""),
            "powertrain 'PHEV'"));
    t.add(invalid("fuel lpg", PROFILE_TOPIC, swap(PROFILE, "petrol", "lpg"), "fuel 'lpg'"));
    t.add(
        invalid(
            "dealer id with a slash",
            PROFILE_TOPIC,
            swap(PROFILE, "D001", "D/001"),
            "dealerId 'D/001'"));
    t.add(invalid("empty dealer id", PROFILE_TOPIC, swap(PROFILE, "D001", ""), "dealerId ''"));
    t.add(
        invalid(
            "dealer id with a wildcard",
            PROFILE_TOPIC,
            swap(PROFILE, "D001", "D#1"),
            "dealerId 'D#1'"));
    t.add(
        invalid(
            "lower-case DTC",
            EVENTS_TOPIC,
            swap(EVENTS, "\"DTC_SET\",\"code\":\"P0301\"", "\"DTC_SET\",\"code\":\"p0301\""),
            "events[2].code 'p0301'"));
    t.add(
        invalid(
            "DTC of four characters",
            EVENTS_TOPIC,
            swap(EVENTS, "\"DTC_CLEARED\",\"code\":\"P0301\"", "\"DTC_CLEARED\",\"code\":\"P301\""),
            "events[3].code 'P301'"));
    t.add(
        invalid(
            "DTC with a second digit above 3",
            EVENTS_TOPIC,
            swap(EVENTS, "\"DTC_SET\",\"code\":\"P0301\"", "\"DTC_SET\",\"code\":\"P4301\""),
            "'P4301'"));
    t.add(
        invalid(
            "empty event type",
            EVENTS_TOPIC,
            swap(EVENTS, "\"IGNITION_OFF\"", "\"\""),
            "events[5].type is empty"));
    return t;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejects(Rejection example) {
    assertThat(codec.decode(example.topic(), example.payload()))
        .asInstanceOf(type(Rejected.class))
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(example.reason());
              assertThat(r.detail()).contains(example.detailNames());
            });
  }

  /** A new reason without an example here fails the build. */
  @Test
  void theTableHasAnExampleForEveryRejectReason() {
    Set<RejectReason> covered =
        rejections().stream()
            .map(Rejection::reason)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RejectReason.class)));

    assertThat(covered).containsExactlyInAnyOrder(RejectReason.values());
  }

  @Test
  void theBaselinesOfTheTableAreAccepted() {
    assertThat(codec.decode(TELEMETRY_TOPIC, utf8(TELEMETRY))).isInstanceOf(Accepted.class);
    assertThat(codec.decode(EVENTS_TOPIC, utf8(EVENTS))).isInstanceOf(Accepted.class);
    assertThat(codec.decode(PROFILE_TOPIC, utf8(PROFILE))).isInstanceOf(Accepted.class);
  }

  // ---- accepted ----

  @Test
  void decodesTheDesignExampleAndMapsTheControlModuleVoltageAlias() {
    TelemetryMessage expected =
        new TelemetryMessage(
            VIN,
            1842,
            List.of(
                new Sample(1763805600000L, ordered(SPEED, 54.2, BATTERY_12V_VOLTAGE, 14.1)),
                new Sample(1763805601000L, Map.of(SPEED, 55.0))));

    TelemetryMessage decoded = accepted(TELEMETRY_TOPIC, TELEMETRY, TelemetryMessage.class);

    assertThat(decoded).isEqualTo(expected);
    assertThat(decoded.samples().getFirst().signals()).doesNotContainKey(CONTROL_MODULE_VOLTAGE);
  }

  @Test
  void everyAliasIsStoredUnderItsCanonicalPath() {
    Map<String, Double> signals = new LinkedHashMap<>();
    SignalCatalogue.aliases().keySet().forEach(alias -> signals.put(alias, 12.5));
    String payload = telemetry(T0, json(signals));

    Sample sample = accepted(TELEMETRY_TOPIC, payload, TelemetryMessage.class).samples().getFirst();

    assertThat(sample.signals())
        .containsOnlyKeys(Set.copyOf(SignalCatalogue.aliases().values()))
        .allSatisfy((path, value) -> assertThat(value).isEqualTo(12.5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"Vehicle.LowVoltageBattery.CurrentVoltage\":12.6,\"Vehicle.OBD.ControlModuleVoltage\":14.1}",
        "{\"Vehicle.OBD.ControlModuleVoltage\":14.1,\"Vehicle.LowVoltageBattery.CurrentVoltage\":12.6}"
      })
  void theCanonicalPathWinsOverItsAliasInEitherOrder(String signals) {
    Sample sample =
        accepted(TELEMETRY_TOPIC, telemetry(T0, signals), TelemetryMessage.class)
            .samples()
            .getFirst();

    assertThat(sample.signals()).containsExactly(Map.entry(BATTERY_12V_VOLTAGE, 12.6));
  }

  @Test
  void keepsUnknownSignalsNumericAndNot() {
    String signals =
        """
        {"Vehicle.Speed":54.2,
         "Vehicle.OBD.Catalyst.Bank1.Temperature1":434.7,
         "Vehicle.OBD.FuelStatus":"CL",
         "Vehicle.OBD.DTCList":["P0301","P0420"],
         "Vendor.Toyota.HybridMode":{"ev":true,"level":2},
         "Vehicle.OBD.O2.Sensor1":null,
         "Vehicle.Body.Lights.IsHighBeamOn":false,
         "Fleetcare.Driver.Note":"Straße nach München"}""";

    Sample sample =
        accepted(TELEMETRY_TOPIC, telemetry(T0, signals), TelemetryMessage.class)
            .samples()
            .getFirst();

    assertThat(sample.signals())
        .containsExactly(
            Map.entry(SPEED, 54.2), Map.entry("Vehicle.OBD.Catalyst.Bank1.Temperature1", 434.7));
    assertThat(sample.otherSignals())
        .containsExactly(
            Map.entry("Vehicle.OBD.FuelStatus", "\"CL\""),
            Map.entry("Vehicle.OBD.DTCList", "[\"P0301\",\"P0420\"]"),
            Map.entry("Vendor.Toyota.HybridMode", "{\"ev\":true,\"level\":2}"),
            Map.entry("Vehicle.OBD.O2.Sensor1", "null"),
            Map.entry("Vehicle.Body.Lights.IsHighBeamOn", "false"),
            Map.entry("Fleetcare.Driver.Note", "\"Straße nach München\""));
  }

  @Test
  void unknownNumericSignalsAreNotRangeChecked() {
    Sample sample =
        accepted(
                TELEMETRY_TOPIC,
                telemetry(T0, "{\"Vendor.Odometer.Raw\":-123456789.5}"),
                TelemetryMessage.class)
            .samples()
            .getFirst();

    assertThat(sample.signals()).containsExactly(Map.entry("Vendor.Odometer.Raw", -123456789.5));
  }

  @Test
  void keepsUnknownTopLevelFieldsOnEveryTopic() {
    String extra = ",\"gateway\":{\"fw\":\"1.4.2\"},\"rssi\":-71";

    TelemetryMessage telemetry =
        accepted(
            TELEMETRY_TOPIC,
            swap(TELEMETRY, "\"seq\":1842", "\"seq\":1842" + extra),
            TelemetryMessage.class);
    EventMessage events =
        accepted(
            EVENTS_TOPIC, swap(EVENTS, "\"seq\":77", "\"seq\":77" + extra), EventMessage.class);
    VehicleProfile profile =
        accepted(
            PROFILE_TOPIC,
            swap(PROFILE, "\"fuel\"", extra.substring(1) + ",\"fuel\""),
            VehicleProfile.class);

    Map<String, String> expected = ordered("gateway", "{\"fw\":\"1.4.2\"}", "rssi", "-71");
    assertThat(telemetry.extraFields()).containsExactlyEntriesOf(expected);
    assertThat(events.extraFields()).containsExactlyEntriesOf(expected);
    assertThat(profile.extraFields()).containsExactlyEntriesOf(expected);
  }

  @Test
  void decodesEveryEventType() {
    EventMessage decoded = accepted(EVENTS_TOPIC, EVENTS, EventMessage.class);

    assertThat(decoded)
        .isEqualTo(
            new EventMessage(
                VIN,
                77,
                List.of(
                    new VehicleEvent.IgnitionOn(1763805590000L),
                    new VehicleEvent.EngineStart(1763805592000L, 10.4),
                    new VehicleEvent.DtcSet(1763805600000L, "P0301"),
                    new VehicleEvent.DtcCleared(1763805700000L, "P0301"),
                    new VehicleEvent.ServicePerformed(1763806000000L, "BRAKE_PADS", 45210.5),
                    new VehicleEvent.IgnitionOff(1763806100000L))));
    assertThat(decoded.events())
        .extracting(VehicleEvent::type)
        .containsExactly(
            "IGNITION_ON",
            "ENGINE_START",
            "DTC_SET",
            "DTC_CLEARED",
            "SERVICE_PERFORMED",
            "IGNITION_OFF");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P0301", "C1234", "B0001", "U0100", "P2A00", "P3FFF"})
  void acceptsSaeJ2012Codes(String code) {
    String payload = events("{\"ts\":" + T0 + ",\"type\":\"DTC_SET\",\"code\":\"" + code + "\"}");

    assertThat(accepted(EVENTS_TOPIC, payload, EventMessage.class).events())
        .containsExactly(new VehicleEvent.DtcSet(T0, code));
  }

  @Test
  void keepsUnknownEventTypesWithTheirFields() {
    String payload =
        events(
            "{\"ts\":" + T0 + ",\"type\":\"DOOR_OPEN\",\"door\":\"Row1.Left\",\"speed\":0}",
            "{\"ts\":" + (T0 + 1) + ",\"type\":\"ignition_on\"}");

    assertThat(accepted(EVENTS_TOPIC, payload, EventMessage.class).events())
        .containsExactly(
            new VehicleEvent.Other(T0, "DOOR_OPEN", ordered("door", "\"Row1.Left\"", "speed", "0")),
            // Event types are case-sensitive: an unknown spelling is kept, not guessed.
            new VehicleEvent.Other(T0 + 1, "ignition_on", Map.of()));
  }

  @Test
  void decodesTheProfile() {
    assertThat(accepted(PROFILE_TOPIC, PROFILE, VehicleProfile.class))
        .isEqualTo(
            new VehicleProfile(
                1, VIN, Powertrain.ICE, FuelType.PETROL, 1.5, 1350, 2019, "D001", false, Map.of()));
  }

  @Test
  void decodesABatteryElectricProfileWithoutThePadSensorFlag() {
    String payload =
        """
        {"v":1,"vin":"5YJ3E1EA2KF317000","powertrain":"BEV","fuel":"none",
         "engineDisplacementL":0,"massKg":1847,"modelYear":2019,"dealerId":"D-München 7"}""";

    VehicleProfile profile =
        accepted("fleet/5YJ3E1EA2KF317000/profile", payload, VehicleProfile.class);

    assertThat(profile.powertrain()).isEqualTo(Powertrain.BEV);
    assertThat(profile.fuel()).isEqualTo(FuelType.NONE);
    assertThat(profile.engineDisplacementL()).isZero();
    assertThat(profile.dealerId()).isEqualTo("D-München 7");
    assertThat(profile.hasPadWearSensor()).as("absent means false").isFalse();
  }

  @Test
  void profileEnumsAreMatchedIgnoringCase() {
    String payload = swap(swap(PROFILE, "\"ICE\"", "\"hev\""), "petrol", "PETROL");

    VehicleProfile profile = accepted(PROFILE_TOPIC, payload, VehicleProfile.class);

    assertThat(profile.powertrain()).isEqualTo(Powertrain.HEV);
    assertThat(profile.fuel()).isEqualTo(FuelType.PETROL);
  }

  @Test
  void acceptsTheEdgesOfTheLimits() {
    DecodeLimits limits = DecodeLimits.DEFAULT;
    String payload =
        telemetry(limits.minEventTimeMs(), "{}") // an empty sample is allowed
            .replace(
                "]}",
                ",{\"ts\":"
                    + (limits.maxEventTimeMs() - 1)
                    + ",\"signals\":"
                    + signals(512)
                    + "}]}");

    TelemetryMessage decoded = accepted(TELEMETRY_TOPIC, payload, TelemetryMessage.class);

    assertThat(decoded.samples()).hasSize(2);
    assertThat(decoded.samples().get(0).tsMs()).isEqualTo(limits.minEventTimeMs());
    assertThat(decoded.samples().get(1).signals()).hasSize(512);
    assertThat(
            accepted(TELEMETRY_TOPIC, telemetryWithSamples(10_000), TelemetryMessage.class)
                .samples())
        .hasSize(10_000);
  }

  @Test
  void seqZeroIsValid() {
    assertThat(
            accepted(TELEMETRY_TOPIC, swap(TELEMETRY, "1842", "0"), TelemetryMessage.class).seq())
        .isZero();
  }

  @Test
  void enforcesCustomLimits() {
    byte[] payload = utf8(TELEMETRY);
    PayloadCodec exact =
        new PayloadCodec(new DecodeLimits(payload.length, 2, 2, 0, Long.MAX_VALUE));
    PayloadCodec small = new PayloadCodec(new DecodeLimits(payload.length - 1, 1, 1, 0, 1));

    assertThat(exact.decode(TELEMETRY_TOPIC, payload)).isInstanceOf(Accepted.class);
    assertThat(small.decode(TELEMETRY_TOPIC, payload))
        .isEqualTo(
            new Rejected(
                RejectReason.PAYLOAD_TOO_LARGE,
                "payload has " + payload.length + " bytes, limit is " + (payload.length - 1)));
    assertThat(exact.limits().maxBatchSize()).isEqualTo(2);
  }

  @Test
  void ignoresAUtf8ByteOrderMark() {
    byte[] withBom = utf8("\uFEFF" + TELEMETRY);

    assertThat(codec.decode(TELEMETRY_TOPIC, withBom))
        .isEqualTo(codec.decode(TELEMETRY_TOPIC, utf8(TELEMETRY)));
  }

  @Test
  void checksTheTopicBeforeParsing() {
    assertThat(codec.decode("fleet/" + VIN + "/status", utf8("not json")))
        .extracting(r -> ((Rejected) r).reason())
        .isEqualTo(RejectReason.UNKNOWN_TOPIC);
  }

  // ---- captured payloads ----

  private static final String ETIOS = "MBJB29BT3E8012345";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "etios-engine-start-telemetry.json",
        "etios-commute-telemetry.json",
        "etios-events.json",
        "etios-profile.json"
      })
  void acceptsCapturedGatewayPayloads(String file) {
    String kind =
        file.endsWith("telemetry.json")
            ? "telemetry"
            : file.endsWith("events.json") ? "events" : "profile";

    assertThat(codec.decode("fleet/" + ETIOS + "/" + kind, resource(file)))
        .isInstanceOf(Accepted.class);
  }

  /**
   * An OBD-II gateway that names signals from the VSS OBD overlay (aliases) through a cold start.
   */
  @Test
  void capturedEngineStartBatch() {
    TelemetryMessage m =
        accepted(
            "fleet/" + ETIOS + "/telemetry",
            resource("etios-engine-start-telemetry.json"),
            TelemetryMessage.class);

    assertThat(m.seq()).isEqualTo(1207);
    assertThat(m.extraFields()).containsOnlyKeys("gateway");
    assertThat(m.samples()).hasSize(12);
    assertThat(m.samples())
        .extracting(Sample::tsMs)
        .isSorted()
        .doesNotHaveDuplicates()
        .startsWith(Instant.parse("2025-11-22T07:40:00Z").toEpochMilli());
    Sample first = m.samples().getFirst();
    assertThat(first.signals())
        .containsEntry(BATTERY_12V_VOLTAGE, 12.324)
        .containsEntry(SPEED, 0.0)
        .containsEntry(SignalCatalogue.ENGINE_SPEED, 0.0)
        .containsEntry(SignalCatalogue.FUEL_LEVEL, 36.0784)
        .containsEntry(SignalCatalogue.COOLANT_TEMPERATURE, 25.0)
        .containsEntry("Vehicle.OBD.Catalyst.Bank1.Temperature1", 434.7)
        .doesNotContainKeys(SignalCatalogue.aliases().keySet().toArray(String[]::new));
    assertThat(first.otherSignals()).containsEntry("Vehicle.OBD.FuelStatus", "\"OFF\"");
    // The cranking dip: the 12 V battery falls to 10.3 V while the starter turns.
    assertThat(m.samples())
        .extracting(s -> s.valueOr(BATTERY_12V_VOLTAGE, Double.NaN))
        .contains(10.332);
  }

  @Test
  void capturedCommuteBatch() {
    TelemetryMessage m =
        accepted(
            "fleet/" + ETIOS + "/telemetry",
            resource("etios-commute-telemetry.json"),
            TelemetryMessage.class);

    assertThat(m.samples()).hasSize(20);
    assertThat(m.samples())
        .allSatisfy(
            s -> {
              assertThat(s.valueOr(SPEED, -1)).isBetween(20.0, 80.0);
              assertThat(s.valueOr(BATTERY_12V_VOLTAGE, -1)).as("charging").isBetween(13.0, 14.8);
              assertThat(s.otherSignals()).isEmpty();
            });
  }

  @Test
  void capturedEvents() {
    EventMessage m =
        accepted("fleet/" + ETIOS + "/events", resource("etios-events.json"), EventMessage.class);

    assertThat(m.events())
        .extracting(VehicleEvent::type)
        .containsExactly("IGNITION_ON", "ENGINE_START", "DTC_SET", "IGNITION_OFF");
    assertThat(m.events().get(1))
        .isEqualTo(
            new VehicleEvent.EngineStart(
                Instant.parse("2025-11-22T07:40:05Z").toEpochMilli(), 10.332));
    assertThat(m.events().get(2)).isInstanceOf(VehicleEvent.DtcSet.class);
  }

  @Test
  void capturedProfile() {
    VehicleProfile p =
        accepted(
            "fleet/" + ETIOS + "/profile", resource("etios-profile.json"), VehicleProfile.class);

    assertThat(p)
        .isEqualTo(
            new VehicleProfile(
                1,
                ETIOS,
                Powertrain.ICE,
                FuelType.PETROL,
                1.5,
                935,
                2014,
                "D017",
                false,
                Map.of()));
  }

  // ---- helpers ----

  private <M extends VehicleMessage> M accepted(String topic, String payload, Class<M> type) {
    return accepted(topic, utf8(payload), type);
  }

  private <M extends VehicleMessage> M accepted(String topic, byte[] payload, Class<M> type) {
    DecodeResult result = codec.decode(topic, payload);
    assertThat(result).isInstanceOf(Accepted.class);
    return type.cast(((Accepted) result).message());
  }

  static Rejection reject(
      RejectReason reason, String name, String topic, String payload, String detailNames) {
    return new Rejection(reason, name, topic, utf8(payload), detailNames);
  }

  private static Rejection missing(String name, String topic, String payload, String detail) {
    return reject(RejectReason.MISSING_FIELD, name, topic, payload, detail);
  }

  private static Rejection wrongType(String name, String telemetryPayload, String detail) {
    return reject(RejectReason.WRONG_TYPE, name, TELEMETRY_TOPIC, telemetryPayload, detail);
  }

  private static Rejection outOfRange(String name, String topic, String payload, String detail) {
    return reject(RejectReason.VALUE_OUT_OF_RANGE, name, topic, payload, detail);
  }

  private static Rejection absurdTime(String name, String topic, String payload, String detail) {
    return reject(RejectReason.TIMESTAMP_ABSURD, name, topic, payload, detail);
  }

  private static Rejection invalid(String name, String topic, String payload, String detail) {
    return reject(RejectReason.INVALID_VALUE, name, topic, payload, detail);
  }

  /** Replaces the single occurrence of {@code from}; fails loudly when the baseline drifts. */
  static String swap(String base, String from, String to) {
    int at = base.indexOf(from);
    if (at < 0 || base.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + from + "' must occur exactly once");
    }
    return base.substring(0, at) + to + base.substring(at + from.length());
  }

  static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  private static byte[] invalidUtf8() {
    byte[] payload = utf8(swap(TELEMETRY, "{\"Vehicle.Speed\":55.0}", "{\"Note\":\"caf\u00e9\"}"));
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == (byte) 0xC3) {
        payload[i + 1] = (byte) 0x28; // a lead byte followed by '(' instead of a continuation
      }
    }
    return payload;
  }

  static String telemetry(long ts, String signalsJson) {
    return "{\"v\":1,\"vin\":\""
        + VIN
        + "\",\"seq\":1,\"samples\":[{\"ts\":"
        + ts
        + ",\"signals\":"
        + signalsJson
        + "}]}";
  }

  static String events(String... events) {
    return "{\"v\":1,\"vin\":\""
        + VIN
        + "\",\"seq\":1,\"events\":["
        + String.join(",", events)
        + "]}";
  }

  static String telemetryWithSamples(int count) {
    return "{\"v\":1,\"vin\":\""
        + VIN
        + "\",\"seq\":1,\"samples\":["
        + IntStream.range(0, count)
            .mapToObj(i -> "{\"ts\":" + (T0 + i * 1000L) + ",\"signals\":{\"Vehicle.Speed\":42}}")
            .collect(Collectors.joining(","))
        + "]}";
  }

  /** A signals object with {@code count} distinct unknown numeric signals. */
  static String signals(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"Vendor.Raw.S" + i + "\":" + i)
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String json(Map<String, Double> signals) {
    return signals.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
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
}
