package io.fleetcare.core.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetcare.core.signal.Signal;
import io.fleetcare.core.signal.SignalCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Encodes and decodes wire contract v1 payloads.
 *
 * <p>Decoding never throws for bad input: every payload becomes either a {@link
 * DecodeResult.Accepted} message or a {@link DecodeResult.Rejected} with a {@link RejectReason}.
 * Instances are immutable and thread-safe.
 */
public final class PayloadCodec {
  private static final Set<String> TELEMETRY_FIELDS = Set.of("v", "vin", "seq", "samples");
  private static final Set<String> EVENT_FIELDS = Set.of("v", "vin", "seq", "events");
  private static final Set<String> PROFILE_FIELDS =
      Set.of(
          "v",
          "vin",
          "powertrain",
          "fuel",
          "engineDisplacementL",
          "massKg",
          "modelYear",
          "dealerId",
          "hasPadWearSensor");
  private static final Pattern DTC = Pattern.compile("[PCBU][0-3][0-9A-F]{3}");
  // The dealer id becomes a topic level of fleet/service/{dealerId}/work-orders.
  private static final Pattern DEALER_ID = Pattern.compile("[^/+#\\u0000]{1,64}");
  private static final int MAX_NESTING_DEPTH = 32;
  private static final int MAX_STRING_LENGTH = 64 * 1024;

  private final DecodeLimits limits;
  private final ObjectMapper mapper;
  private final TelemetryStreamDecoder telemetryStream;
  private final boolean streamingTelemetry;

  /** A codec with {@link DecodeLimits#DEFAULT}. */
  public PayloadCodec() {
    this(DecodeLimits.DEFAULT);
  }

  /** A codec enforcing {@code limits}. */
  public PayloadCodec(DecodeLimits limits) {
    this(limits, true);
  }

  /**
   * @param streamingTelemetry whether plain-ASCII telemetry is first tried with {@link
   *     TelemetryStreamDecoder}; false only in tests, to compare against the tree decoder alone
   */
  PayloadCodec(DecodeLimits limits, boolean streamingTelemetry) {
    this.limits = limits;
    this.streamingTelemetry = streamingTelemetry;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(64)
                    .build())
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    this.telemetryStream = new TelemetryStreamDecoder(mapper, limits);
  }

  /** The limits this codec enforces. */
  public DecodeLimits limits() {
    return limits;
  }

  /** The streaming fast path for telemetry, for tests. */
  TelemetryStreamDecoder telemetryStream() {
    return telemetryStream;
  }

  /**
   * Decodes a payload received on {@code topic}.
   *
   * @param topic the MQTT topic the payload arrived on
   * @param payload the raw bytes
   */
  public DecodeResult decode(String topic, byte[] payload) {
    if (payload.length > limits.maxPayloadBytes()) {
      return new DecodeResult.Rejected(
          RejectReason.PAYLOAD_TOO_LARGE,
          "payload has " + payload.length + " bytes, limit is " + limits.maxPayloadBytes());
    }
    Optional<Topic> parsed = Topic.parse(topic);
    if (parsed.isEmpty()) {
      return new DecodeResult.Rejected(
          RejectReason.UNKNOWN_TOPIC, "not a vehicle topic: " + abbreviate(topic));
    }
    try {
      // A plain-ASCII payload (no escapes) may be kept as received, see TelemetryMessage#payload.
      boolean plainAscii = isPlainAscii(payload);
      if (plainAscii && streamingTelemetry && parsed.get().kind() == TopicKind.TELEMETRY) {
        // The common case without a JsonNode tree; anything else is decoded again below.
        Optional<TelemetryMessage> fast = telemetryStream.decode(parsed.get().vin(), payload);
        if (fast.isPresent()) {
          return new DecodeResult.Accepted(fast.get());
        }
      }
      return new DecodeResult.Accepted(
          decode(parsed.get(), parse(payload, plainAscii), plainAscii ? payload : null));
    } catch (Rejection r) {
      return new DecodeResult.Rejected(r.reason, r.getMessage());
    }
  }

  /**
   * Parses strictly: UTF-8 only (Jackson alone would also read UTF-16/32 and overlong UTF-8
   * sequences), one JSON value and nothing after it.
   */
  private JsonNode parse(byte[] payload, boolean plainAscii) {
    if (plainAscii) {
      // The common case, and already valid UTF-8 as it is: parse the bytes, skipping the String
      // (and its char buffer) that the general path builds, about a third of decoding's garbage.
      // Without NUL bytes Jackson cannot mistake it for UTF-16/32; without escapes its byte and
      // char parsers cannot differ (they treat escaped lone surrogates in names differently).
      if (isBlankAscii(payload)) {
        throw new Rejection(RejectReason.MALFORMED_JSON, "payload is empty");
      }
      try {
        return mapper.readTree(payload);
      } catch (IOException | RuntimeException e) {
        throw new Rejection(RejectReason.MALFORMED_JSON, abbreviate(firstLine(e.getMessage())));
      }
    }
    String text = strictUtf8(payload);
    if (text.isBlank()) {
      throw new Rejection(RejectReason.MALFORMED_JSON, "payload is empty");
    }
    try {
      return mapper.readTree(text);
    } catch (IOException | RuntimeException e) {
      throw new Rejection(RejectReason.MALFORMED_JSON, abbreviate(firstLine(e.getMessage())));
    }
  }

  /** ASCII without NUL and without backslash escapes. */
  static boolean isPlainAscii(byte[] payload) {
    for (byte b : payload) {
      // b <= 0: NUL, or a byte of a multi-byte UTF-8 sequence (or not UTF-8 at all)
      if (b <= 0 || b == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlankAscii(byte[] payload) {
    for (byte b : payload) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static String strictUtf8(byte[] payload) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(payload);
    // UTF-8 never decodes to more UTF-16 chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(payload.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (!result.isUnderflow()) {
      throw new Rejection(
          RejectReason.MALFORMED_JSON, "payload is not valid UTF-8 at byte " + in.position());
    }
    out.flip();
    // RFC 8259 lets a parser ignore a byte order mark; gateways on some platforms send one.
    if (out.hasRemaining() && out.get(0) == '\uFEFF') {
      out.position(1);
    }
    return out.toString();
  }

  private VehicleMessage decode(Topic topic, JsonNode root, byte[] asReceived) {
    if (!root.isObject()) {
      throw new Rejection(
          RejectReason.NOT_AN_OBJECT,
          "payload is a JSON "
              + root.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", not an object");
    }
    long version = requiredLong(root, "v");
    if (version != WireContract.VERSION) {
      throw new Rejection(
          RejectReason.UNSUPPORTED_VERSION,
          "schema version " + version + " is not supported, expected " + WireContract.VERSION);
    }
    String vin = requiredText(root, "vin");
    Optional<String> vinProblem = Vin.problem(vin);
    if (vinProblem.isPresent()) {
      throw new Rejection(RejectReason.INVALID_VIN, vinProblem.get());
    }
    if (!vin.equals(topic.vin())) {
      throw new Rejection(
          RejectReason.VIN_TOPIC_MISMATCH,
          "payload VIN " + vin + " differs from topic VIN " + abbreviate(topic.vin()));
    }
    return switch (topic.kind()) {
      case TELEMETRY -> decodeTelemetry(vin, root, asReceived);
      case EVENTS -> decodeEvents(vin, root);
      case PROFILE -> decodeProfile(vin, root);
    };
  }

  private TelemetryMessage decodeTelemetry(String vin, JsonNode root, byte[] asReceived) {
    long seq = requiredSeq(root);
    JsonNode samplesNode = requiredArray(root, "samples");
    List<Sample> samples = new ArrayList<>(samplesNode.size());
    boolean[] aliased = {false};
    for (int i = 0; i < samplesNode.size(); i++) {
      samples.add(decodeSample(samplesNode.get(i), "samples[" + i + "]", aliased));
    }
    return new TelemetryMessage(
        WireContract.VERSION,
        vin,
        seq,
        samples,
        extras(root, TELEMETRY_FIELDS),
        aliased[0] ? null : asReceived);
  }

  /** {@code aliased[0]} is set when a signal name was mapped to its canonical path. */
  private Sample decodeSample(JsonNode node, String where, boolean[] aliased) {
    if (!node.isObject()) {
      throw new Rejection(RejectReason.WRONG_TYPE, where + " is not an object");
    }
    long ts = requiredTimestamp(node, "ts", where);
    JsonNode signalsNode = node.get("signals");
    if (signalsNode == null) {
      throw new Rejection(RejectReason.MISSING_FIELD, where + ".signals is missing");
    }
    if (!signalsNode.isObject()) {
      throw new Rejection(RejectReason.WRONG_TYPE, where + ".signals is not an object");
    }
    if (signalsNode.size() > limits.maxSignalsPerSample()) {
      throw new Rejection(
          RejectReason.BAD_BATCH_SIZE,
          where
              + " has "
              + signalsNode.size()
              + " signals, limit is "
              + limits.maxSignalsPerSample());
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, String> others = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = signalsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = entry.getKey();
      JsonNode value = entry.getValue();
      Optional<Signal> signal = SignalCatalogue.find(path);
      if (signal.isEmpty()) {
        wellFormed(path, where + ".signals key");
        if (value.isNumber()) {
          values.put(path, finite(value.doubleValue(), where + "." + path));
        } else {
          others.put(path, wellFormed(value.toString(), where + "." + path));
        }
        continue;
      }
      if (!value.isNumber()) {
        throw new Rejection(
            RejectReason.WRONG_TYPE,
            where + "." + path + " must be a number in " + signal.get().unit());
      }
      double v = finite(value.doubleValue(), where + "." + path);
      if (!signal.get().accepts(v)) {
        throw new Rejection(
            RejectReason.VALUE_OUT_OF_RANGE,
            where
                + "."
                + path
                + " = "
                + v
                + " "
                + signal.get().unit()
                + " is outside ["
                + signal.get().min()
                + ", "
                + signal.get().max()
                + "]");
      }
      String canonical = signal.get().vssPath();
      if (!canonical.equals(path)) {
        aliased[0] = true;
        // The canonical path wins over an alias carrying the same measurement.
        if (values.containsKey(canonical)) {
          continue;
        }
      }
      values.put(canonical, v);
    }
    return new Sample(ts, values, others);
  }

  private EventMessage decodeEvents(String vin, JsonNode root) {
    long seq = requiredSeq(root);
    JsonNode eventsNode = requiredArray(root, "events");
    List<VehicleEvent> events = new ArrayList<>(eventsNode.size());
    for (int i = 0; i < eventsNode.size(); i++) {
      events.add(decodeEvent(eventsNode.get(i), "events[" + i + "]"));
    }
    return new EventMessage(WireContract.VERSION, vin, seq, events, extras(root, EVENT_FIELDS));
  }

  private VehicleEvent decodeEvent(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new Rejection(RejectReason.WRONG_TYPE, where + " is not an object");
    }
    long ts = requiredTimestamp(node, "ts", where);
    String type = requiredText(node, "type", where);
    if (type.isBlank()) {
      throw new Rejection(RejectReason.INVALID_VALUE, where + ".type is empty");
    }
    return switch (type) {
      case "IGNITION_ON" -> new VehicleEvent.IgnitionOn(ts);
      case "IGNITION_OFF" -> new VehicleEvent.IgnitionOff(ts);
      case "ENGINE_START" -> {
        double v = requiredDouble(node, "crankingMinV", where);
        if (v < 0 || v > 65.535) {
          throw new Rejection(
              RejectReason.VALUE_OUT_OF_RANGE,
              where + ".crankingMinV = " + v + " V is outside [0, 65.535]");
        }
        yield new VehicleEvent.EngineStart(ts, v);
      }
      case "DTC_SET" -> new VehicleEvent.DtcSet(ts, dtc(node, where));
      case "DTC_CLEARED" -> new VehicleEvent.DtcCleared(ts, dtc(node, where));
      case "SERVICE_PERFORMED" -> {
        String service = requiredText(node, "service", where);
        double odometerKm = requiredDouble(node, "odometerKm", where);
        if (odometerKm < 0 || odometerKm > 1.0e7) {
          throw new Rejection(
              RejectReason.VALUE_OUT_OF_RANGE,
              where + ".odometerKm = " + odometerKm + " is outside [0, 1e7]");
        }
        yield new VehicleEvent.ServicePerformed(ts, service, odometerKm);
      }
      default -> new VehicleEvent.Other(ts, type, extras(node, Set.of("ts", "type")));
    };
  }

  private String dtc(JsonNode node, String where) {
    String code = requiredText(node, "code", where);
    if (!DTC.matcher(code).matches()) {
      throw new Rejection(
          RejectReason.INVALID_VALUE,
          where + ".code '" + abbreviate(code) + "' is not an SAE J2012 code like P0301");
    }
    return code;
  }

  private VehicleProfile decodeProfile(String vin, JsonNode root) {
    VehicleProfile.Powertrain powertrain =
        enumValue(VehicleProfile.Powertrain.class, requiredText(root, "powertrain"), "powertrain");
    VehicleProfile.FuelType fuel =
        enumValue(VehicleProfile.FuelType.class, requiredText(root, "fuel"), "fuel");
    double displacementL = requiredDouble(root, "engineDisplacementL", "");
    if (displacementL < 0 || displacementL > 20) {
      throw new Rejection(
          RejectReason.VALUE_OUT_OF_RANGE,
          "engineDisplacementL = " + displacementL + " L is outside [0, 20]");
    }
    double massKg = requiredDouble(root, "massKg", "");
    if (massKg <= 0 || massKg > 100_000) {
      throw new Rejection(
          RejectReason.VALUE_OUT_OF_RANGE, "massKg = " + massKg + " kg is outside (0, 100000]");
    }
    long modelYear = requiredLong(root, "modelYear");
    if (modelYear < 1980 || modelYear > 2100) {
      throw new Rejection(
          RejectReason.VALUE_OUT_OF_RANGE, "modelYear = " + modelYear + " is outside [1980, 2100]");
    }
    String dealerId = requiredText(root, "dealerId");
    if (!DEALER_ID.matcher(dealerId).matches()) {
      throw new Rejection(
          RejectReason.INVALID_VALUE,
          "dealerId '"
              + abbreviate(dealerId)
              + "' must be 1..64 characters without '/', '+', '#' (it is a topic level)");
    }
    JsonNode sensor = root.get("hasPadWearSensor");
    boolean hasPadWearSensor = false;
    if (sensor != null) {
      if (!sensor.isBoolean()) {
        throw new Rejection(RejectReason.WRONG_TYPE, "hasPadWearSensor must be true or false");
      }
      hasPadWearSensor = sensor.booleanValue();
    }
    return new VehicleProfile(
        WireContract.VERSION,
        vin,
        powertrain,
        fuel,
        displacementL,
        massKg,
        (int) modelYear,
        dealerId,
        hasPadWearSensor,
        extras(root, PROFILE_FIELDS));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Rejection(
          RejectReason.INVALID_VALUE,
          field + " '" + abbreviate(text) + "' is not one of the contract's values");
    }
  }

  private long requiredSeq(JsonNode root) {
    long seq = requiredLong(root, "seq");
    if (seq < 0) {
      throw new Rejection(RejectReason.INVALID_SEQ, "seq " + seq + " is negative");
    }
    return seq;
  }

  private JsonNode requiredArray(JsonNode root, String field) {
    JsonNode node = required(root, field, "");
    if (!node.isArray()) {
      throw new Rejection(RejectReason.WRONG_TYPE, field + " is not an array");
    }
    if (node.isEmpty() || node.size() > limits.maxBatchSize()) {
      throw new Rejection(
          RejectReason.BAD_BATCH_SIZE,
          field + " has " + node.size() + " entries, allowed 1.." + limits.maxBatchSize());
    }
    return node;
  }

  private long requiredTimestamp(JsonNode node, String field, String where) {
    JsonNode value = required(node, field, where);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new Rejection(
          RejectReason.WRONG_TYPE, qualified(where, field) + " must be integer epoch milliseconds");
    }
    long ts = value.longValue();
    if (ts < limits.minEventTimeMs() || ts >= limits.maxEventTimeMs()) {
      throw new Rejection(
          RejectReason.TIMESTAMP_ABSURD,
          qualified(where, field)
              + " = "
              + ts
              + " is outside "
              + Instant.ofEpochMilli(limits.minEventTimeMs())
              + " .. "
              + Instant.ofEpochMilli(limits.maxEventTimeMs()));
    }
    return ts;
  }

  private static long requiredLong(JsonNode node, String field) {
    JsonNode value = required(node, field, "");
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new Rejection(RejectReason.WRONG_TYPE, field + " must be an integer");
    }
    return value.longValue();
  }

  private static double requiredDouble(JsonNode node, String field, String where) {
    JsonNode value = required(node, field, where);
    if (!value.isNumber()) {
      throw new Rejection(RejectReason.WRONG_TYPE, qualified(where, field) + " must be a number");
    }
    return finite(value.doubleValue(), qualified(where, field));
  }

  private static String requiredText(JsonNode node, String field) {
    return requiredText(node, field, "");
  }

  private static String requiredText(JsonNode node, String field, String where) {
    JsonNode value = required(node, field, where);
    if (!value.isTextual()) {
      throw new Rejection(RejectReason.WRONG_TYPE, qualified(where, field) + " must be a string");
    }
    return wellFormed(value.textValue(), qualified(where, field));
  }

  /**
   * JSON escapes can smuggle a lone UTF-16 surrogate ({@code "\ud800"}) into a string; such text
   * cannot be written back as UTF-8 (nor stored in PostgreSQL), so it is rejected here.
   */
  private static String wellFormed(String text, String where) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new Rejection(
            RejectReason.INVALID_VALUE,
            where + " contains an unpaired UTF-16 surrogate \\u" + Integer.toHexString(c));
      }
    }
    return text;
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new Rejection(RejectReason.MISSING_FIELD, qualified(where, field) + " is missing");
    }
    return value;
  }

  private static double finite(double value, String where) {
    if (!Double.isFinite(value)) {
      throw new Rejection(RejectReason.WRONG_TYPE, where + " is not a finite number");
    }
    return value;
  }

  private static Map<String, String> extras(JsonNode node, Set<String> known) {
    Map<String, String> extras = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!known.contains(entry.getKey())) {
        String name = wellFormed(entry.getKey(), "field name");
        extras.put(name, wellFormed(entry.getValue().toString(), name));
      }
    }
    return extras;
  }

  private static String qualified(String where, String field) {
    return where.isEmpty() ? field : where + "." + field;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }

  // ---- encoding ----

  /** Encodes any vehicle message as UTF-8 JSON in the field order of the contract. */
  public byte[] encode(VehicleMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      switch (message) {
        case TelemetryMessage m -> writeTelemetry(g, m);
        case EventMessage m -> writeEvents(g, m);
        case VehicleProfile p -> writeProfile(g, p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writeTelemetry(JsonGenerator g, TelemetryMessage m) throws IOException {
    g.writeStartObject();
    g.writeNumberField("v", m.version());
    g.writeStringField("vin", m.vin());
    g.writeNumberField("seq", m.seq());
    g.writeArrayFieldStart("samples");
    for (Sample s : m.samples()) {
      g.writeStartObject();
      g.writeNumberField("ts", s.tsMs());
      g.writeObjectFieldStart("signals");
      for (Map.Entry<String, Double> e : s.signals().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      writeRaw(g, s.otherSignals());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    writeRaw(g, m.extraFields());
    g.writeEndObject();
  }

  private void writeEvents(JsonGenerator g, EventMessage m) throws IOException {
    g.writeStartObject();
    g.writeNumberField("v", m.version());
    g.writeStringField("vin", m.vin());
    g.writeNumberField("seq", m.seq());
    g.writeArrayFieldStart("events");
    for (VehicleEvent e : m.events()) {
      g.writeStartObject();
      g.writeNumberField("ts", e.tsMs());
      g.writeStringField("type", e.type());
      switch (e) {
        case VehicleEvent.EngineStart s -> g.writeNumberField("crankingMinV", s.crankingMinV());
        case VehicleEvent.DtcSet d -> g.writeStringField("code", d.code());
        case VehicleEvent.DtcCleared d -> g.writeStringField("code", d.code());
        case VehicleEvent.ServicePerformed s -> {
          g.writeStringField("service", s.service());
          g.writeNumberField("odometerKm", s.odometerKm());
        }
        case VehicleEvent.Other o -> writeRaw(g, o.fields());
        case VehicleEvent.IgnitionOn i -> {}
        case VehicleEvent.IgnitionOff i -> {}
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    writeRaw(g, m.extraFields());
    g.writeEndObject();
  }

  private void writeProfile(JsonGenerator g, VehicleProfile p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("v", p.version());
    g.writeStringField("vin", p.vin());
    g.writeStringField("powertrain", p.powertrain().name());
    g.writeStringField("fuel", p.fuel().wireName());
    g.writeNumberField("engineDisplacementL", p.engineDisplacementL());
    g.writeNumberField("massKg", p.massKg());
    g.writeNumberField("modelYear", p.modelYear());
    g.writeStringField("dealerId", p.dealerId());
    g.writeBooleanField("hasPadWearSensor", p.hasPadWearSensor());
    writeRaw(g, p.extraFields());
    g.writeEndObject();
  }

  private static void writeRaw(JsonGenerator g, Map<String, String> rawJsonByName)
      throws IOException {
    for (Map.Entry<String, String> e : rawJsonByName.entrySet()) {
      g.writeFieldName(e.getKey());
      g.writeRawValue(e.getValue());
    }
  }

  /** A rejection raised deep in the decoder; cheap because it carries no stack trace. */
  private static final class Rejection extends RuntimeException {
    private final RejectReason reason;

    Rejection(RejectReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }
}
