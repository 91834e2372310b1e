package io.fleetcare.workorders;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.fleetcare.workorders.testing.MutableClock;
import io.fleetcare.workorders.testing.TestDatabase;
import io.fleetcare.workorders.testing.TestOrders;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The planner re-publishes an open order under the same id when its forecast changes (wire
 * contract: "every new or changed work order"). On the real PostgreSQL: the service applies the
 * planner's fields to an open order, keeps the advisor's lifecycle state, audits the change, pushes
 * it on the live feed, never reopens a closed order and ignores redelivered older versions.
 */
@ExtendWith(VertxExtension.class)
class PlannerUpdateIT {
  private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
  private static final Instant PLANNED = Instant.parse("2026-11-20T08:00:00Z");
  private static final LocalDate DUE_FROM = LocalDate.parse("2026-11-27");

  private static TestDatabase db;
  private static MutableClock clock;
  private static WorkOrderApi api;
  private static WebClient http;
  private static String advisor;
  private static int vinCounter = 7000;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    db = TestDatabase.create();
    clock = new MutableClock(START);
    WorkOrderServiceOptions options =
        WorkOrderServiceOptions.builder(db.jdbcUrl(), EncryptionKey.random())
            .host("127.0.0.1")
            .httpPort(0)
            .escalationCheckInterval(Duration.ofHours(1000))
            .clock(clock)
            .build();
    api = WorkOrderApi.start(vertx, options).await(30, TimeUnit.SECONDS);
    http =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(api.port()));
    advisor =
        api.createUser(new ApiUser("ulla", "Ulla Advisor", Role.ADVISOR, "D001"), null).await();
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close().await(30, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
  }

  /** A planner order as it comes off the wire: package inside the evidence, no personal data. */
  private static WorkOrder planned(String vin) {
    return new WorkOrder(
        WorkOrder.planId(vin, WorkOrderType.BRAKE_PADS, DUE_FROM),
        vin,
        "D001",
        null,
        WorkOrderKind.MAINTENANCE,
        WorkOrderType.BRAKE_PADS,
        Urgency.NORMAL,
        WorkOrderStatus.NEW,
        PLANNED,
        LocalDate.parse("2026-12-02"),
        DUE_FROM,
        LocalDate.parse("2026-12-02"),
        0.62,
        "{\"signal\":\"brake.pad_wear_pct.Row1.Left\",\"summary\":\"pads 88 %\","
            + "\"servicePackage\":\"BRAKE-PADS-REPLACEMENT\"}",
        "interim-linear-trend-v1",
        "BRAKE-PADS-REPLACEMENT",
        null,
        null);
  }

  /** The planner's next version: the crossing came closer, now urgent, a newer model. */
  private static WorkOrder closer(WorkOrder o, Instant plannedAt) {
    return new WorkOrder(
        o.id(),
        o.vin(),
        o.dealerId(),
        null,
        o.kind(),
        o.type(),
        Urgency.URGENT,
        WorkOrderStatus.NEW,
        plannedAt,
        LocalDate.parse("2026-11-24"),
        LocalDate.parse("2026-11-21"),
        LocalDate.parse("2026-11-24"),
        0.97,
        "{\"signal\":\"brake.pad_wear_pct.Row1.Left\",\"summary\":\"pads 97 %\","
            + "\"servicePackage\":\"BRAKE-PADS-REPLACEMENT\"}",
        "interim-linear-trend-v2",
        "BRAKE-PADS-REPLACEMENT",
        null,
        null);
  }

  private static WorkOrder created() {
    WorkOrder o = planned(TestOrders.vin(++vinCounter));
    assertThat(api.applyPlanned(o).await()).isEqualTo(PlannedOrderResult.CREATED);
    return o;
  }

  private static JsonObject detail(WorkOrder o) {
    HttpResponse<Buffer> r =
        http.get("/api/orders/" + o.id()).bearerTokenAuthentication(advisor).send().await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static JsonObject act(WorkOrder o, String action, String body) {
    HttpResponse<Buffer> r =
        http.post("/api/orders/" + o.id() + "/" + action)
            .putHeader("Content-Type", "application/json")
            .bearerTokenAuthentication(advisor)
            .sendBuffer(Buffer.buffer(body))
            .await();
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static List<String> actions(JsonObject detail) {
    return detail.getJsonArray("history").stream()
        .map(h -> ((JsonObject) h).getString("action"))
        .toList();
  }

  @Test
  void anUpdateOfANewOrderChangesThePlannersFieldsAndIsAudited() {
    WorkOrder o = created();
    Instant later = PLANNED.plus(Duration.ofDays(1));
    assertThat(api.applyPlanned(closer(o, later)).await()).isEqualTo(PlannedOrderResult.UPDATED);

    JsonObject d = detail(o);
    assertThat(d.getString("status")).isEqualTo("NEW");
    assertThat(d.getString("urgency")).isEqualTo("URGENT");
    assertThat(d.getString("predictedDate")).isEqualTo("2026-11-24");
    assertThat(d.getString("dueFrom")).isEqualTo("2026-11-21");
    assertThat(d.getString("dueTo")).isEqualTo("2026-11-24");
    assertThat(d.getDouble("probability")).isEqualTo(0.97);
    assertThat(d.getString("modelVersion")).isEqualTo("interim-linear-trend-v2");
    assertThat(d.getJsonObject("evidence").getString("summary")).isEqualTo("pads 97 %");
    assertThat(d.getString("createdAt"))
        .as("when it was first planned")
        .isEqualTo("2026-11-20T08:00:00Z");
    assertThat(d.getInteger("version")).isEqualTo(1);

    assertThat(actions(d)).containsExactly("CREATED", "UPDATED");
    JsonObject update = d.getJsonArray("history").getJsonObject(1);
    assertThat(update.getString("actor")).isEqualTo("planner");
    assertThat(update.getString("at")).isEqualTo(START.toString());
    JsonObject changes = update.getJsonObject("detail").getJsonObject("changes");
    assertThat(changes.fieldNames())
        .containsExactlyInAnyOrder(
            "urgency",
            "predictedDate",
            "dueFrom",
            "dueTo",
            "probability",
            "modelVersion",
            "evidence");
    assertThat(changes.getJsonObject("predictedDate"))
        .isEqualTo(new JsonObject().put("from", "2026-12-02").put("to", "2026-11-24"));
    assertThat(changes.getJsonObject("urgency"))
        .isEqualTo(new JsonObject().put("from", "NORMAL").put("to", "URGENT"));
    assertThat(update.getJsonObject("detail").getString("plannedAt")).isEqualTo(later.toString());
  }

  @Test
  void anUpdateKeepsTheAdvisorsLifecycleState() {
    WorkOrder o = created();
    act(o, "acknowledge", "{\"note\":\"customer called back\"}");
    act(o, "schedule", "{\"appointmentAt\":\"2026-11-26T08:30:00Z\"}");
    JsonObject before = detail(o);

    assertThat(api.applyPlanned(closer(o, PLANNED.plus(Duration.ofDays(2)))).await())
        .isEqualTo(PlannedOrderResult.UPDATED);

    JsonObject after = detail(o);
    assertThat(after.getString("predictedDate")).isEqualTo("2026-11-24");
    assertThat(after.getString("urgency")).isEqualTo("URGENT");
    for (String advisorOwned :
        List.of(
            "status",
            "acknowledgedAt",
            "acknowledgedBy",
            "scheduledAt",
            "appointmentAt",
            "dealerId",
            "department",
            "escalatedAt")) {
      assertThat(after.getValue(advisorOwned))
          .as(advisorOwned)
          .isEqualTo(before.getValue(advisorOwned));
    }
    assertThat(after.getString("status")).isEqualTo("SCHEDULED");
    assertThat(after.getString("appointmentAt")).isEqualTo("2026-11-26T08:30:00Z");
    assertThat(actions(after)).containsExactly("CREATED", "ACKNOWLEDGED", "SCHEDULED", "UPDATED");
    JsonObject update = after.getJsonArray("history").getJsonObject(3);
    assertThat(update.getString("fromStatus")).isEqualTo("SCHEDULED");
    assertThat(update.getString("toStatus")).isEqualTo("SCHEDULED");
  }

  @Test
  void anUpdateDoesNotReopenADoneOrDismissedOrder() throws Exception {
    WorkOrder done = created();
    act(done, "acknowledge", "{}");
    act(done, "done", "{\"odometerKm\":41000,\"parts\":[\"pads\"]}");
    WorkOrder dismissed = created();
    act(dismissed, "dismiss", "{\"reason\":\"FALSE_ALARM\"}");

    for (WorkOrder o : List.of(done, dismissed)) {
      JsonObject before = detail(o);
      assertThat(api.applyPlanned(closer(o, PLANNED.plus(Duration.ofDays(3)))).await())
          .isEqualTo(PlannedOrderResult.CLOSED);
      JsonObject after = detail(o);
      assertThat(after).isEqualTo(before);
    }
    assertThat(detail(done).getString("status")).isEqualTo("DONE");
    assertThat(detail(dismissed).getString("status")).isEqualTo("DISMISSED");
    assertThat(detail(dismissed).getString("predictedDate")).isEqualTo("2026-12-02");
  }

  @Test
  void aRedeliveryOrAnOlderVersionChangesNothing() {
    WorkOrder o = created();
    assertThat(api.applyPlanned(o).await()).isEqualTo(PlannedOrderResult.UNCHANGED);
    WorkOrder newer = closer(o, PLANNED.plus(Duration.ofDays(1)));
    assertThat(api.applyPlanned(newer).await()).isEqualTo(PlannedOrderResult.UPDATED);
    // The first version again, redelivered after the newer one: ignored.
    assertThat(api.applyPlanned(o).await()).isEqualTo(PlannedOrderResult.STALE);
    assertThat(api.applyPlanned(newer).await()).isEqualTo(PlannedOrderResult.UNCHANGED);
    JsonObject d = detail(o);
    assertThat(d.getString("predictedDate")).isEqualTo("2026-11-24");
    assertThat(actions(d)).containsExactly("CREATED", "UPDATED");
  }

  @Test
  void theServicePackageIsShownPlainlyInTheDetail() throws Exception {
    // Off the wire: the package travels inside the evidence (v1 contract) and is lifted out.
    WorkOrderMessage codec = new WorkOrderMessage();
    WorkOrder wire = planned(TestOrders.vin(++vinCounter));
    byte[] payload = codec.encode(wire);
    assertThat(new JsonObject(Buffer.buffer(payload)).fieldNames())
        .as("no top-level package in v1")
        .doesNotContain("servicePackage");
    WorkOrder decoded = codec.decode(WorkOrderMessage.topicOf(wire), payload);
    assertThat(api.applyPlanned(decoded).await()).isEqualTo(PlannedOrderResult.CREATED);
    JsonObject d = detail(decoded);
    assertThat(d.getString("servicePackage")).isEqualTo("BRAKE-PADS-REPLACEMENT");
    assertThat(d.getJsonObject("evidence").getString("servicePackage"))
        .isEqualTo("BRAKE-PADS-REPLACEMENT");
    JsonArray list =
        http.get("/api/orders?vin=" + decoded.vin())
            .bearerTokenAuthentication(advisor)
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonArray("orders");
    assertThat(list.getJsonObject(0).getString("servicePackage"))
        .isEqualTo("BRAKE-PADS-REPLACEMENT");
  }

  @Test
  void anUpdateReachesTheLiveFeedAsAChangedOrder(Vertx vertx, VertxTestContext test)
      throws Exception {
    WorkOrder o = created();
    WorkOrder update = closer(o, PLANNED.plus(Duration.ofDays(4)));
    vertx
        .createHttpClient()
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost("127.0.0.1")
                .setPort(api.port())
                .setURI("/api/events?access_token=" + advisor))
        .compose(request -> request.send())
        .onComplete(
            test.succeeding(
                (HttpClientResponse response) -> {
                  StringBuilder received = new StringBuilder();
                  response.handler(
                      chunk -> {
                        received.append(chunk.toString(StandardCharsets.UTF_8));
                        String text = received.toString();
                        if (text.contains("event: ready") && !text.contains(": updated")) {
                          received.append("\n: updated\n");
                          api.applyPlanned(update);
                        }
                        int at = text.lastIndexOf(o.id().toString());
                        if (text.contains("event: order") && at >= 0) {
                          String event = text.substring(text.lastIndexOf("event: order", at));
                          if (event.contains("\"predictedDate\":\"2026-11-24\"")) {
                            test.verify(() -> assertThat(event).contains("\"urgency\":\"URGENT\""));
                            response.request().connection().close();
                            test.completeNow();
                          }
                        }
                      });
                }));
    assertThat(test.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
    if (test.failed()) {
      throw new AssertionError(test.causeOfFailure());
    }
  }
}
