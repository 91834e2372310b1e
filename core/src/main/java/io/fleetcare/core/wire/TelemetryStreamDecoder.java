package io.fleetcare.core.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.core.signal.Signal;
import io.fleetcare.core.signal.SignalCatalogue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of {@link PayloadCodec} for the common telemetry payload: reads it with Jackson's
 * streaming parser straight into a {@link TelemetryMessage}, without first building the {@code
 * JsonNode} tree (a node and a map entry per value, then walked a second time).
 *
 * <p>It only ever accepts, and only what the tree decoder would accept as the same message. For
 * anything else it returns empty and {@link PayloadCodec} decodes the payload again from scratch
 * with the tree decoder, which produces the result or the rejection with its detail. So this class
 * has no rejection messages of its own, and the order of its checks does not matter (the tree
 * decoder checks fields in a fixed order whatever their order in the JSON). Left to the tree
 * decoder: every invalid payload, unknown top-level or sample fields (kept raw or ignored there),
 * signal values that are not numbers (kept raw), aliases (mapped, and the payload not kept), nulls,
 * and numbers the tree would hold as {@code BigInteger}, {@code BigDecimal} or {@code float}.
 *
 * <p>Only for plain-ASCII payloads (no NUL, no byte above 0x7F, no backslash): the tree decoder
 * then keeps the payload as received unless an alias was mapped, and here there never is one.
 */
final class TelemetryStreamDecoder {
  private final ObjectMapper mapper;
  private final DecodeLimits limits;

  /**
   * @param mapper the tree decoder's mapper: its parsers have the same stream read constraints and
   *     features (duplicate keys fail)
   */
  TelemetryStreamDecoder(ObjectMapper mapper, DecodeLimits limits) {
    this.mapper = mapper;
    this.limits = limits;
  }

  /**
   * The message a plain-ASCII payload on the telemetry topic of {@code topicVin} stands for, or
   * empty when this decoder leaves the payload to the tree decoder.
   */
  Optional<TelemetryMessage> decode(String topicVin, byte[] payload) {
    // mapper.createParser configures the parser exactly as mapper.readTree(byte[]) does.
    try (JsonParser p = mapper.createParser(payload)) {
      return Optional.of(message(p, topicVin, payload));
    } catch (IOException | RuntimeException e) {
      // NotHandled, or from the parser: malformed JSON, a duplicate key, a broken stream read
      // constraint. The tree decoder rejects those with Jackson's message.
      return Optional.empty();
    }
  }

  private TelemetryMessage message(JsonParser p, String topicVin, byte[] payload)
      throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    boolean hasVersion = false;
    String vin = null;
    long seq = -1; // absent
    List<Sample> samples = null;
    // Each field at most once: the parser fails on a duplicate key (STRICT_DUPLICATE_DETECTION).
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      switch (field) {
        case "v" -> {
          expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
          if (integral(p) != WireContract.VERSION) {
            throw NotHandled.INSTANCE;
          }
          hasVersion = true;
        }
        case "vin" -> vin = vin(p, topicVin);
        case "seq" -> {
          expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
          seq = integral(p);
          if (seq < 0) {
            throw NotHandled.INSTANCE;
          }
        }
        case "samples" -> samples = samples(p);
        default -> throw NotHandled.INSTANCE; // kept raw in extraFields by the tree decoder
      }
    }
    expect(p.currentToken(), JsonToken.END_OBJECT);
    if (!hasVersion || vin == null || seq < 0 || samples == null) {
      throw NotHandled.INSTANCE;
    }
    // FAIL_ON_TRAILING_TOKENS: nothing but whitespace after the object.
    if (p.nextToken() != null) {
      throw NotHandled.INSTANCE;
    }
    return new TelemetryMessage(WireContract.VERSION, vin, seq, samples, Map.of(), payload);
  }

  private static String vin(JsonParser p, String topicVin) throws IOException {
    expect(p.nextToken(), JsonToken.VALUE_STRING);
    String vin = p.getText();
    // A valid VIN is A-Z0-9: no lone surrogate for the tree decoder's wellFormed check to find.
    if (!Vin.isValid(vin) || !vin.equals(topicVin)) {
      throw NotHandled.INSTANCE;
    }
    return vin;
  }

  private List<Sample> samples(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.START_ARRAY);
    List<Sample> samples = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (samples.size() == limits.maxBatchSize()) {
        throw NotHandled.INSTANCE;
      }
      expect(t, JsonToken.START_OBJECT);
      samples.add(sample(p));
    }
    if (samples.isEmpty()) {
      throw NotHandled.INSTANCE;
    }
    return samples;
  }

  /** A sample whose START_OBJECT is the current token. */
  private Sample sample(JsonParser p) throws IOException {
    boolean hasTs = false;
    long ts = 0;
    Map<String, Double> signals = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      switch (field) {
        case "ts" -> {
          expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
          ts = integral(p);
          if (ts < limits.minEventTimeMs() || ts >= limits.maxEventTimeMs()) {
            throw NotHandled.INSTANCE;
          }
          hasTs = true;
        }
        case "signals" -> signals = signals(p);
        default -> throw NotHandled.INSTANCE; // ignored by the tree decoder, rare
      }
    }
    expect(p.currentToken(), JsonToken.END_OBJECT);
    if (!hasTs || signals == null) {
      throw NotHandled.INSTANCE;
    }
    return new Sample(ts, signals, Map.of());
  }

  /**
   * Numeric signals under the path they arrived with, in payload order: catalogued ones under their
   * canonical path and within range, unknown ones as they are.
   */
  private Map<String, Double> signals(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    Map<String, Double> values = new LinkedHashMap<>();
    for (String path = p.nextFieldName(); path != null; path = p.nextFieldName()) {
      // Every signal is put (no duplicates, no aliases), so the map counts them.
      if (values.size() == limits.maxSignalsPerSample()) {
        throw NotHandled.INSTANCE;
      }
      double value = number(p);
      Optional<Signal> signal = SignalCatalogue.find(path);
      if (signal.isPresent()) {
        // An alias would be mapped to its canonical path and the payload not kept.
        if (!signal.get().vssPath().equals(path) || !signal.get().accepts(value)) {
          throw NotHandled.INSTANCE;
        }
      } else if (hasSurrogate(path)) {
        throw NotHandled.INSTANCE; // cannot happen in plain ASCII; the tree decoder checks it
      }
      values.put(path, value);
    }
    expect(p.currentToken(), JsonToken.END_OBJECT);
    return values;
  }

  /**
   * The next value as the tree decoder's {@code JsonNode.doubleValue()} gives it, for the node
   * types it would build from JSON text: an int or a long (IntNode, LongNode), or a double read by
   * the same parser (DoubleNode). Non-finite values are rejected by the tree decoder.
   */
  private static double number(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    double value;
    if (t == JsonToken.VALUE_NUMBER_INT) {
      value = integral(p);
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      // The tree decoder asks for the type first, as here (a JSON text parser says DOUBLE64).
      JsonParser.NumberTypeFP type = p.getNumberTypeFP();
      if (type == JsonParser.NumberTypeFP.BIG_DECIMAL || type == JsonParser.NumberTypeFP.FLOAT32) {
        throw NotHandled.INSTANCE;
      }
      value = p.getDoubleValue();
    } else {
      throw NotHandled.INSTANCE;
    }
    if (!Double.isFinite(value)) {
      throw NotHandled.INSTANCE;
    }
    return value;
  }

  /**
   * The current VALUE_NUMBER_INT as the tree decoder reads it (an int or a long); a number beyond a
   * long would be a BigIntegerNode there, which is no long (and not handled here).
   */
  private static long integral(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> p.getIntValue();
      case LONG -> p.getLongValue();
      default -> throw NotHandled.INSTANCE;
    };
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw NotHandled.INSTANCE;
    }
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "Leave this payload to the tree decoder"; shared and without a stack trace, so it is cheap. */
  private static final class NotHandled extends RuntimeException {
    static final NotHandled INSTANCE = new NotHandled();

    private NotHandled() {
      super("not handled by the streaming decoder", null, false, false);
    }
  }
}
