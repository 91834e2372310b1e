package io.fleetcare.core.workorder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkOrderMessageTest {
  private static final String VIN = "1HGCM82633A004352";
  private static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");
  private final WorkOrderMessage codec = new WorkOrderMessage();

  private static WorkOrder brakeOrder() {
    LocalDate dueFrom = LocalDate.parse("2026-11-27");
    return new WorkOrder(
        WorkOrder.planId(VIN, WorkOrderType.BRAKE_PADS, dueFrom),
        VIN,
        "D001",
        null,
        WorkOrderKind.MAINTENANCE,
        WorkOrderType.BRAKE_PADS,
        Urgency.NORMAL,
        WorkOrderStatus.NEW,
        CREATED,
        LocalDate.parse("2026-12-03"),
        dueFrom,
        LocalDate.parse("2026-12-03"),
        0.87,
        "{\"signal\":\"brake.pad_wear_pct.Row1.Left\",\"threshold\":100,"
            + "\"series\":[{\"ts\":1763625600000,\"value\":80.0}],"
            + "\"servicePackage\":\"BRAKE-PADS\"}",
        "interim-linear-trend-v1",
        "BRAKE-PADS",
        "+49 170 1234567",
        new GeoPoint(48.1, 11.5));
  }

  @Test
  void encodesTheDocumentedFieldsInOrder() throws Exception {
    JsonNode json = new ObjectMapper().readTree(codec.encode(brakeOrder()));
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "v",
            "id",
            "vin",
            "dealerId",
            "kind",
            "type",
            "urgency",
            "status",
            "createdAt",
            "predictedDate",
            "dueFrom",
            "dueTo",
            "probability",
            "evidence",
            "modelVersion");
    assertThat(json.get("v").asInt()).isEqualTo(1);
    assertThat(json.get("createdAt").asLong()).isEqualTo(CREATED.toEpochMilli());
    assertThat(json.get("predictedDate").asText()).isEqualTo("2026-12-03");
    assertThat(json.get("dueFrom").asText()).isEqualTo("2026-11-27");
    assertThat(json.get("probability").asDouble()).isEqualTo(0.87);
    assertThat(json.get("evidence").get("threshold").asInt()).isEqualTo(100);
    assertThat(json.get("modelVersion").asText()).isEqualTo("interim-linear-trend-v1");
  }

  @Test
  void neverPutsPersonalDataOnTheWire() {
    String text = new String(codec.encode(brakeOrder()), UTF_8);
    assertThat(text).doesNotContain("+49").doesNotContain("48.1").doesNotContain("customer");
  }

  @Test
  void roundTripsEveryWireField() {
    WorkOrder order = brakeOrder();
    WorkOrder decoded = codec.decode(WorkOrderTopic.of("D001"), codec.encode(order));
    assertThat(decoded)
        .usingRecursiveComparison()
        .ignoringFields("customerPhone", "location", "evidenceJson")
        .isEqualTo(order);
    assertThat(decoded.customerPhone()).isNull();
    assertThat(decoded.location()).isNull();
    assertThat(decoded.department()).isEqualTo(Department.AFTER_SALES);
    assertThat(codec.encode(decoded)).isEqualTo(codec.encode(order));
  }

  @Test
  void carriesTheServicePackageInTheEvidence() {
    WorkOrder order = careOrder("{}");
    WorkOrder decoded = codec.decode(codec.encode(order));
    assertThat(decoded.servicePackage()).isEqualTo("CARE-LONG-DISTANCE-CHECK");
    assertThat(decoded.evidenceJson()).contains("\"servicePackage\":\"CARE-LONG-DISTANCE-CHECK\"");
    assertThat(decoded.predictedDate()).isNull();
    assertThat(decoded.modelVersion()).isNull();
    assertThat(decoded.kind()).isEqualTo(WorkOrderKind.CARE);
  }

  private static WorkOrder careOrder(String evidence) {
    LocalDate today = LocalDate.parse("2026-11-20");
    return new WorkOrder(
        WorkOrder.planId(VIN, WorkOrderType.CARE_LONG_DISTANCE, today),
        VIN,
        "D001",
        null,
        WorkOrderKind.CARE,
        WorkOrderType.CARE_LONG_DISTANCE,
        Urgency.NORMAL,
        WorkOrderStatus.NEW,
        CREATED,
        null,
        today,
        today.plusDays(30),
        1.0,
        evidence,
        null,
        "CARE-LONG-DISTANCE-CHECK",
        null,
        null);
  }

  @Test
  void topicHelperBuildsAndParsesDealerTopics() {
    assertThat(WorkOrderTopic.of("D001")).isEqualTo("fleet/service/D001/work-orders");
    assertThat(WorkOrderMessage.topicOf(brakeOrder())).isEqualTo("fleet/service/D001/work-orders");
    assertThat(WorkOrderTopic.dealerOf("fleet/service/D-7_x/work-orders")).contains("D-7_x");
    assertThat(WorkOrderTopic.dealerOf(WorkOrderTopic.ALL_DEALERS)).isEmpty();
    assertThat(WorkOrderTopic.dealerOf("fleet/service/a/b/work-orders")).isEmpty();
    assertThat(WorkOrderTopic.dealerOf("fleet/1HGCM82633A004352/events")).isEmpty();
    assertThatThrownBy(() -> WorkOrderTopic.of("D/1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkOrderTopic.of("#")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAMessageForAnotherDealersTopic() {
    assertThatThrownBy(
            () -> codec.decode("fleet/service/D002/work-orders", codec.encode(brakeOrder())))
        .isInstanceOf(WorkOrderMessage.InvalidMessage.class)
        .hasMessageContaining("differs from the topic");
    assertThatThrownBy(() -> codec.decode("fleet/x/events", codec.encode(brakeOrder())))
        .isInstanceOf(WorkOrderMessage.InvalidMessage.class)
        .hasMessageContaining("not a work-order topic");
  }

  private static final String VALID =
      "{\"v\":1,\"id\":\"%s\",\"vin\":\"1HGCM82633A004352\",\"dealerId\":\"D001\","
          + "\"kind\":\"MAINTENANCE\",\"type\":\"TYRES\",\"urgency\":\"URGENT\",\"status\":\"NEW\","
          + "\"createdAt\":1763625600000,\"predictedDate\":\"2026-11-22\",\"dueFrom\":\"2026-11-20\","
          + "\"dueTo\":\"2026-11-22\",\"probability\":0.9,\"evidence\":{},\"modelVersion\":\"m\"}";

  private static String valid() {
    return VALID.formatted(UUID.nameUUIDFromBytes(new byte[] {1}));
  }

  @Test
  void decodesAHandWrittenMessageAndIgnoresUnknownFields() {
    String json = valid().replace("\"v\":1,", "\"v\":1,\"later\":{\"x\":1},");
    WorkOrder order = codec.decode(json.getBytes(UTF_8));
    assertThat(order.type()).isEqualTo(WorkOrderType.TYRES);
    assertThat(order.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(order.createdAt()).isEqualTo(Instant.ofEpochMilli(1763625600000L));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "version 2|\"v\":1|\"v\":2|unsupported version",
        "missing version|\"v\":1,|\"w\":1,|unsupported version",
        "bad VIN|1HGCM82633A004352|1HGCM82633A004353|bad vin",
        "VIN with O|1HGCM82633A004352|1HGCM8263OA004352|bad vin",
        "dealer with slash|\"D001\"|\"D/1\"|bad dealerId",
        "unknown kind|\"MAINTENANCE\"|\"REPAIR\"|kind 'REPAIR'",
        "kind not fitting type|\"MAINTENANCE\"|\"CARE\"|does not fit type",
        "unknown type|\"TYRES\"|\"WIPERS\"|unknown work-order type",
        "unknown status|\"NEW\"|\"OPEN\"|status 'OPEN'",
        "createdAt as text|1763625600000|\"1763625600000\"|createdAt",
        "createdAt in seconds|1763625600000|1763625600|createdAt",
        "bad date|\"2026-11-20\"|\"20.11.2026\"|dueFrom is not an ISO date",
        "window reversed|\"dueTo\":\"2026-11-22\"|\"dueTo\":\"2026-11-19\"|before dueFrom",
        "probability above 1|0.9|1.5|probability",
        "probability as text|0.9|\"high\"|probability must be a number",
        "evidence array|{},|[],|evidence must be a JSON object",
        "missing evidence|\"evidence\":{},|\"other\":{},|evidence is missing",
        "model as number|\"m\"|7|modelVersion",
        "duplicate field|\"v\":1,|\"v\":1,\"v\":1,|malformed JSON",
      })
  void rejectsInvalidMessagesWithAReason(String name, String from, String to, String reason) {
    String json = valid().replace(from, to);
    assertThat(json).as("fixture changed").isNotEqualTo(valid());
    assertThatThrownBy(() -> codec.decode(json.getBytes(UTF_8)))
        .isInstanceOf(WorkOrderMessage.InvalidMessage.class)
        .hasMessageContaining(reason);
  }

  @Test
  void rejectsNonJsonTrailingGarbageAndBadUtf8() {
    assertThatThrownBy(() -> codec.decode("[]".getBytes(UTF_8)))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> codec.decode((valid() + " {}").getBytes(UTF_8)))
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> codec.decode(new byte[] {'{', (byte) 0xC0, (byte) 0x80, '}'}))
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> codec.decode(new byte[WorkOrderMessage.MAX_PAYLOAD_BYTES + 1]))
        .hasMessageContaining("limit");
  }
}
