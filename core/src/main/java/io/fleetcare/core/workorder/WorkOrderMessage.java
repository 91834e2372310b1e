package io.fleetcare.core.workorder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.core.wire.Vin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Encodes and decodes the work-order message of {@code fleet/service/{dealerId}/work-orders}
 * (DESIGN.md, version 1):
 *
 * <pre>{@code
 * {"v":1,"id":"…","vin":"…","dealerId":"D001","kind":"MAINTENANCE","type":"BRAKE_PADS",
 *  "urgency":"NORMAL","status":"NEW","createdAt":1763805600000,"predictedDate":"2026-12-03",
 *  "dueFrom":"2026-11-27","dueTo":"2026-12-03","probability":0.87,"evidence":{…},
 *  "modelVersion":"…"}
 * }</pre>
 *
 * <ul>
 *   <li>{@code createdAt} is event time in epoch milliseconds; the dates are ISO dates (UTC).
 *   <li>{@code predictedDate} and {@code modelVersion} may be {@code null} (care offers, fault
 *       codes); every other field is required.
 *   <li>The recommended service package travels inside the evidence object as {@code
 *       evidence.servicePackage}; the decoder lifts it into {@link WorkOrder#servicePackage()}.
 *   <li>Personal data ({@link WorkOrder#customerPhone()}, {@link WorkOrder#location()}) is never
 *       put on the wire; the department is not either ({@link Department#defaultFor} on decode).
 *   <li>Unknown top-level fields are ignored, so a later minor addition does not break readers.
 * </ul>
 *
 * <p>Decoding validates everything {@link WorkOrder} validates plus the version, the field types,
 * the kind matching the type, and (with a topic) the dealer matching the topic; a bad message
 * throws {@link InvalidMessage} with a readable reason. Instances are immutable and thread-safe.
 */
public final class WorkOrderMessage {
  /** The only message version this build reads and writes. */
  public static final int VERSION = 1;

  /** Larger payloads are rejected without parsing. */
  public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

  /** Name of the evidence field carrying the recommended service package. */
  public static final String SERVICE_PACKAGE_FIELD = "servicePackage";

  private static final long MIN_CREATED_AT_MS =
      Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
  private static final long MAX_CREATED_AT_MS =
      Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

  private final ObjectMapper mapper;

  public WorkOrderMessage() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(64)
                    .build())
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  /** The topic {@code order} is published on, {@code fleet/service/{dealerId}/work-orders}. */
  public static String topicOf(WorkOrder order) {
    return WorkOrderTopic.of(order.dealerId());
  }

  /**
   * Encodes an order as UTF-8 JSON, fields in the documented order.
   *
   * @throws IllegalArgumentException if the order's evidence is not a JSON object
   */
  public byte[] encode(WorkOrder order) {
    ObjectNode root = mapper.createObjectNode();
    root.put("v", VERSION);
    root.put("id", order.id().toString());
    root.put("vin", order.vin());
    root.put("dealerId", order.dealerId());
    root.put("kind", order.kind().name());
    root.put("type", order.type().code());
    root.put("urgency", order.urgency().name());
    root.put("status", order.status().name());
    root.put("createdAt", order.createdAt().toEpochMilli());
    root.put(
        "predictedDate", order.predictedDate() == null ? null : order.predictedDate().toString());
    root.put("dueFrom", order.dueFrom().toString());
    root.put("dueTo", order.dueTo().toString());
    root.put("probability", order.probability());
    ObjectNode evidence = evidenceOf(order);
    if (order.servicePackage() != null && !evidence.hasNonNull(SERVICE_PACKAGE_FIELD)) {
      evidence.put(SERVICE_PACKAGE_FIELD, order.servicePackage());
    }
    root.set("evidence", evidence);
    root.put("modelVersion", order.modelVersion());
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode evidenceOf(WorkOrder order) {
    try {
      JsonNode node = mapper.readTree(order.evidenceJson());
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("evidence of order " + order.id() + " is not JSON", e);
    }
    throw new IllegalArgumentException("evidence of order " + order.id() + " is not a JSON object");
  }

  /**
   * Decodes a message received on {@code topic} and checks that its dealer is the topic's.
   *
   * @throws InvalidMessage if the topic is not a work-order topic or the payload is not a valid
   *     version 1 work-order message of that dealer
   */
  public WorkOrder decode(String topic, byte[] payload) {
    String dealer =
        WorkOrderTopic.dealerOf(topic)
            .orElseThrow(() -> new InvalidMessage("not a work-order topic: " + abbreviate(topic)));
    WorkOrder order = decode(payload);
    if (!order.dealerId().equals(dealer)) {
      throw new InvalidMessage(
          "dealerId '" + order.dealerId() + "' differs from the topic's '" + dealer + "'");
    }
    return order;
  }

  /**
   * Decodes a message.
   *
   * @throws InvalidMessage if the payload is not a valid version 1 work-order message
   */
  public WorkOrder decode(byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new InvalidMessage(
          "payload has " + payload.length + " bytes, limit is " + MAX_PAYLOAD_BYTES);
    }
    JsonNode root;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
      root = mapper.readTree(text);
    } catch (CharacterCodingException e) {
      throw new InvalidMessage("payload is not valid UTF-8");
    } catch (IOException e) {
      throw new InvalidMessage("malformed JSON: " + abbreviate(firstLine(e.getMessage())));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidMessage("payload is not a JSON object");
    }
    JsonNode v = root.get("v");
    if (v == null || !v.isIntegralNumber() || v.asLong() != VERSION) {
      throw new InvalidMessage("unsupported version " + v + ", expected " + VERSION);
    }
    UUID id;
    try {
      id = UUID.fromString(text(root, "id"));
    } catch (IllegalArgumentException e) {
      throw new InvalidMessage("id is not a UUID");
    }
    String vin = text(root, "vin");
    Vin.problem(vin)
        .ifPresent(
            p -> {
              throw new InvalidMessage("bad vin: " + p);
            });
    String dealerId = text(root, "dealerId");
    if (!WorkOrderTopic.DEALER_ID.matcher(dealerId).matches()) {
      throw new InvalidMessage("bad dealerId '" + abbreviate(dealerId) + "'");
    }
    WorkOrderKind kind = enumValue(WorkOrderKind.class, root, "kind");
    WorkOrderType type;
    try {
      type = WorkOrderType.of(text(root, "type"));
    } catch (IllegalArgumentException e) {
      throw new InvalidMessage(e.getMessage());
    }
    if (expectedKind(type) != kind) {
      throw new InvalidMessage("kind " + kind + " does not fit type " + type);
    }
    Urgency urgency = enumValue(Urgency.class, root, "urgency");
    WorkOrderStatus status = enumValue(WorkOrderStatus.class, root, "status");
    JsonNode created = required(root, "createdAt");
    if (!created.isIntegralNumber()
        || !created.canConvertToLong()
        || created.asLong() < MIN_CREATED_AT_MS
        || created.asLong() >= MAX_CREATED_AT_MS) {
      throw new InvalidMessage(
          "createdAt must be epoch milliseconds in 2000..2099, was " + created);
    }
    LocalDate predicted = root.hasNonNull("predictedDate") ? date(root, "predictedDate") : null;
    LocalDate dueFrom = date(root, "dueFrom");
    LocalDate dueTo = date(root, "dueTo");
    JsonNode probability = required(root, "probability");
    if (!probability.isNumber()) {
      throw new InvalidMessage("probability must be a number");
    }
    JsonNode evidence = required(root, "evidence");
    if (!evidence.isObject()) {
      throw new InvalidMessage("evidence must be a JSON object");
    }
    JsonNode model = root.get("modelVersion");
    if (model != null && !model.isNull() && !model.isTextual()) {
      throw new InvalidMessage("modelVersion must be a string or null");
    }
    JsonNode servicePackage = evidence.get(SERVICE_PACKAGE_FIELD);
    try {
      return new WorkOrder(
          id,
          vin,
          dealerId,
          null,
          kind,
          type,
          urgency,
          status,
          Instant.ofEpochMilli(created.asLong()),
          predicted,
          dueFrom,
          dueTo,
          probability.asDouble(),
          mapper.writeValueAsString(evidence),
          model == null || model.isNull() ? null : model.asText(),
          servicePackage != null && servicePackage.isTextual() ? servicePackage.asText() : null,
          null,
          null);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessage(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kind a type belongs to: care offers are CARE, fault codes FAULT, the rest MAINTENANCE. */
  public static WorkOrderKind expectedKind(WorkOrderType type) {
    if (type.isCare()) {
      return WorkOrderKind.CARE;
    }
    return type.equals(WorkOrderType.FAULT_CODE) ? WorkOrderKind.FAULT : WorkOrderKind.MAINTENANCE;
  }

  private static JsonNode required(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new InvalidMessage(field + " is missing");
    }
    return node;
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = required(root, field);
    if (!node.isTextual()) {
      throw new InvalidMessage(field + " must be a string");
    }
    return node.asText();
  }

  private static LocalDate date(JsonNode root, String field) {
    String text = text(root, field);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidMessage(field + " is not an ISO date: '" + abbreviate(text) + "'");
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode root, String field) {
    String text = text(root, field);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessage(field + " '" + abbreviate(text) + "' is not one of " + names(type));
    }
  }

  private static String names(Class<? extends Enum<?>> type) {
    StringBuilder b = new StringBuilder();
    for (Enum<?> e : type.getEnumConstants()) {
      b.append(b.isEmpty() ? "" : "|").append(e.name());
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** A payload that is not a valid work-order message; the message says why. */
  public static final class InvalidMessage extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidMessage(String reason) {
      super(reason);
    }
  }
}
