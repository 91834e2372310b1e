package io.fleetcare.workorders;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.crypto.FieldCipher;
import io.fleetcare.workorders.db.WorkOrderWriter;
import io.fleetcare.workorders.testing.InMemoryServicePerformedPublisher;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP API on the real PostgreSQL: lifecycle, filters, escalation on a simulated clock, dealer
 * isolation, masking, bad input, the live feed and outcomes.
 */
@ExtendWith(VertxExtension.class)
class WorkOrderApiIT {
  private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
  private static final EncryptionKey KEY = EncryptionKey.random();

  private static TestDatabase db;
  private static MutableClock clock;
  private static InMemoryServicePerformedPublisher publisher;
  private static WorkOrderApi api;
  private static WebClient http;
  private static String advisor;
  private static String customerService;
  private static String otherDealer;
  private static String admin;
  private static int vinCounter = 100;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    db = TestDatabase.create();
    clock = new MutableClock(START);
    publisher = new InMemoryServicePerformedPublisher();
    WorkOrderServiceOptions options =
        WorkOrderServiceOptions.builder(db.jdbcUrl(), KEY)
            .host("127.0.0.1")
            .httpPort(0)
            .escalateAfter(Duration.ofHours(24))
            // the periodic tick must not race the test; the test calls escalateOverdue itself
            .escalationCheckInterval(Duration.ofHours(1000))
            .clock(clock)
            .build();
    api = WorkOrderApi.start(vertx, options, publisher).await(30, TimeUnit.SECONDS);
    http =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(api.port()));
    advisor =
        api.createUser(new ApiUser("anna", "Anna Advisor", Role.ADVISOR, "D001"), "secret-pw")
            .await();
    customerService =
        api.createUser(new ApiUser("carl", "Carl CS", Role.CUSTOMER_SERVICE, "D001"), null).await();
    otherDealer =
        api.createUser(new ApiUser("otto", "Otto Other", Role.ADVISOR, "D002"), null).await();
    admin = api.createUser(new ApiUser("root", "Admin", Role.ADMIN, null), null).await();
    api.createUser(new ApiUser("max", "Max Manager", Role.MANAGER, "D001"), null).await();
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

  private static String nextVin() {
    return TestOrders.vin(++vinCounter);
  }

  private static WorkOrder submitted(WorkOrder order) {
    assertThat(api.submit(order).await()).isTrue();
    return order;
  }

  private static HttpResponse<Buffer> get(String token, String uri) {
    var request = http.get(uri);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return request.send().await();
  }

  private static HttpResponse<Buffer> post(String token, String uri, String body) {
    var request = http.post(uri).putHeader("Content-Type", "application/json");
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static List<String> ids(JsonObject listResponse) {
    return listResponse.getJsonArray("orders").stream()
        .map(o -> ((JsonObject) o).getString("id"))
        .toList();
  }

  private static String status(UUID id) throws Exception {
    return (String)
        db.query("SELECT status FROM work_order WHERE id = '" + id + "'").getFirst().get("status");
  }

  private static long auditRows(UUID id) throws Exception {
    return db.queryLong("SELECT count(*) FROM work_order_audit WHERE order_id = '" + id + "'");
  }

  @Test
  void lifecycleAcknowledgeScheduleDonePublishesServicePerformedAndAuditsEveryStep()
      throws Exception {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    String base = "/api/orders/" + order.id();
    Instant now = clock.instant(); // tests share the clock; others move it

    JsonObject acknowledged =
        ok(post(advisor, base + "/acknowledge", "{\"note\":\"called customer\"}"));
    assertThat(acknowledged.getString("status")).isEqualTo("ACKNOWLEDGED");
    assertThat(acknowledged.getString("acknowledgedBy")).isEqualTo("anna");

    JsonObject scheduled =
        ok(post(advisor, base + "/schedule", "{\"appointmentAt\":\"2026-11-28T09:30:00+01:00\"}"));
    assertThat(scheduled.getString("status")).isEqualTo("SCHEDULED");
    assertThat(scheduled.getString("appointmentAt")).isEqualTo("2026-11-28T08:30:00Z");

    JsonObject done =
        ok(
            post(
                advisor,
                base + "/done",
                "{\"odometerKm\":48211.5,\"parts\":[\"1K0698151A\"],\"customerScore\":9,\"notes\":\"front pads\"}"));
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getJsonObject("serviceRecord").getDouble("odometerKm")).isEqualTo(48211.5);
    assertThat(done.getJsonObject("serviceRecord").getJsonArray("parts"))
        .containsExactly("1K0698151A");

    // a final order refuses further actions, and the refusal changes nothing
    HttpResponse<Buffer> again = post(advisor, base + "/acknowledge", "{}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("message")).contains("DONE");

    // SERVICE_PERFORMED goes back to the stream once (done triggers the outbox)
    api.service().sendPendingServiceEvents().await();
    assertThat(publisher.published())
        .filteredOn(p -> p.vin().equals(order.vin()))
        .extracting(p -> p.event())
        .containsExactly(
            new VehicleEvent.ServicePerformed(now.toEpochMilli(), "BRAKE_PADS", 48211.5));

    JsonArray history = ok(get(advisor, base)).getJsonArray("history");
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("action")))
        .containsExactly("CREATED", "ACKNOWLEDGED", "SCHEDULED", "DONE", "SERVICE_EVENT_SENT");
    JsonObject ackEntry = history.getJsonObject(1);
    assertThat(ackEntry.getString("actor")).isEqualTo("anna");
    assertThat(ackEntry.getString("at")).isEqualTo(now.toString());
    assertThat(ackEntry.getJsonObject("detail").getString("note")).isEqualTo("called customer");
    assertThat(history.getJsonObject(3).getJsonObject("detail").getInteger("customerScore"))
        .isEqualTo(9);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM work_order_label WHERE order_id = '"
                    + order.id()
                    + "' AND label = 'CONFIRMED'"))
        .isEqualTo(1);
  }

  @Test
  void dismissReasonBecomesTrainingLabel() throws Exception {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    JsonObject dismissed =
        ok(
            post(
                advisor,
                "/api/orders/" + order.id() + "/dismiss",
                "{\"reason\":\"FALSE_ALARM\",\"note\":\"pads at 40 %\"}"));
    assertThat(dismissed.getString("status")).isEqualTo("DISMISSED");
    assertThat(dismissed.getString("dismissReason")).isEqualTo("FALSE_ALARM");
    assertThat(db.query("SELECT label FROM work_order_label WHERE order_id = '" + order.id() + "'"))
        .containsExactly(Map.of("label", "FALSE_ALARM"));
  }

  @Test
  void filtersByStatusTypeUrgencyAndDueRange() throws Exception {
    String dealer = "D077";
    String token =
        api.createUser(new ApiUser("filter-user", "F", Role.ADVISOR, dealer), null).await();
    WorkOrder brakesEarly =
        submitted(
            TestOrders.order(
                nextVin(),
                dealer,
                WorkOrderType.BRAKE_PADS,
                Urgency.NORMAL,
                LocalDate.parse("2026-12-01")));
    WorkOrder batteryUrgent =
        submitted(
            TestOrders.order(
                nextVin(),
                dealer,
                WorkOrderType.BATTERY_12V,
                Urgency.URGENT,
                LocalDate.parse("2026-12-10")));
    WorkOrder tyresLate =
        submitted(
            TestOrders.order(
                nextVin(),
                dealer,
                WorkOrderType.TYRES,
                Urgency.NORMAL,
                LocalDate.parse("2027-01-15")));
    ok(post(token, "/api/orders/" + tyresLate.id() + "/acknowledge", "{}"));

    assertThat(ids(ok(get(token, "/api/orders"))))
        // open first, urgent first, then by due date
        .containsExactly(
            batteryUrgent.id().toString(), brakesEarly.id().toString(), tyresLate.id().toString());
    assertThat(ids(ok(get(token, "/api/orders?status=NEW"))))
        .containsExactlyInAnyOrder(brakesEarly.id().toString(), batteryUrgent.id().toString());
    assertThat(ids(ok(get(token, "/api/orders?status=ACKNOWLEDGED,SCHEDULED"))))
        .containsExactly(tyresLate.id().toString());
    assertThat(ids(ok(get(token, "/api/orders?type=BATTERY_12V,TYRES"))))
        .containsExactlyInAnyOrder(batteryUrgent.id().toString(), tyresLate.id().toString());
    assertThat(ids(ok(get(token, "/api/orders?urgency=URGENT"))))
        .containsExactly(batteryUrgent.id().toString());
    // due windows: brakes 12-01..12-09, battery 12-10..12-18, tyres 01-15..01-23
    assertThat(ids(ok(get(token, "/api/orders?dueFrom=2026-12-09&dueTo=2026-12-31"))))
        .containsExactlyInAnyOrder(brakesEarly.id().toString(), batteryUrgent.id().toString());
    assertThat(ids(ok(get(token, "/api/orders?dueFrom=2027-01-01"))))
        .containsExactly(tyresLate.id().toString());
    assertThat(ids(ok(get(token, "/api/orders?type=BRAKE_PADS&status=DONE")))).isEmpty();
  }

  @Test
  void unacknowledgedOrderEscalatesToTheDealersServiceManagerAfter24Hours() throws Exception {
    // a fresh dealer, so the escalation of other tests' orders does not matter here
    api.createUser(new ApiUser("mia", "Mia Manager", Role.MANAGER, "D055"), null).await();
    String token = api.createUser(new ApiUser("eve", "Eve", Role.ADVISOR, "D055"), null).await();
    WorkOrder waiting = submitted(TestOrders.order(nextVin(), "D055"));
    WorkOrder seen = submitted(TestOrders.order(nextVin(), "D055"));
    ok(post(token, "/api/orders/" + seen.id() + "/acknowledge", "{}"));

    clock.advance(Duration.ofHours(23));
    assertThat(api.service().escalateOverdue().await()).doesNotContain(waiting.id());
    assertThat(ok(get(token, "/api/orders/" + waiting.id())).getString("escalatedAt")).isNull();

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    List<UUID> escalated = api.service().escalateOverdue().await();
    assertThat(escalated).contains(waiting.id()).doesNotContain(seen.id());
    JsonObject order = ok(get(token, "/api/orders/" + waiting.id()));
    assertThat(order.getString("escalatedTo")).isEqualTo("mia");
    assertThat(order.getString("status")).isEqualTo("NEW");
    JsonObject last = order.getJsonArray("history").getJsonObject(1);
    assertThat(last.getString("action")).isEqualTo("ESCALATED");
    assertThat(last.getString("actor")).isEqualTo("system");
    assertThat(last.getJsonObject("detail").getString("escalatedTo")).isEqualTo("mia");
    assertThat(ids(ok(get(token, "/api/orders?escalated=true"))))
        .containsExactly(waiting.id().toString());

    // once only
    assertThat(api.service().escalateOverdue().await()).doesNotContain(waiting.id());
    assertThat(auditRows(waiting.id())).isEqualTo(2);
  }

  @Test
  void anotherDealersOrderIsForbiddenAndUnchanged() throws Exception {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    String base = "/api/orders/" + order.id();

    assertThat(get(otherDealer, base).statusCode()).isEqualTo(403);
    assertThat(get(otherDealer, base + "/health").statusCode()).isEqualTo(403);
    HttpResponse<Buffer> act = post(otherDealer, base + "/acknowledge", "{}");
    assertThat(act.statusCode()).isEqualTo(403);
    assertThat(act.bodyAsJsonObject().getString("message")).contains("another dealer");
    assertThat(get(otherDealer, "/api/orders?dealer=D001").statusCode()).isEqualTo(403);
    assertThat(ids(ok(get(otherDealer, "/api/orders")))).doesNotContain(order.id().toString());
    assertThat(get(otherDealer, "/api/stats/outcomes?dealer=D001").statusCode()).isEqualTo(403);
    assertThat(status(order.id())).isEqualTo("NEW");
    assertThat(auditRows(order.id())).isEqualTo(1);

    // the admin sees every dealer
    assertThat(ok(get(admin, base)).getString("dealerId")).isEqualTo("D001");
  }

  @Test
  void customerServiceSeesPersonalDataMaskedAndCannotChangeOrders() throws Exception {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    JsonObject masked = ok(get(customerService, "/api/orders/" + order.id()));
    assertThat(masked.getString("vin")).isEqualTo("***********" + order.vin().substring(11));
    assertThat(masked.getString("customerPhone")).isEqualTo("+** *** *****67");
    assertThat(masked.getJsonObject("location").getDouble("latitude")).isEqualTo(48.1);
    assertThat(masked.getJsonObject("location").getDouble("longitude")).isEqualTo(11.6);
    assertThat(masked.getJsonObject("location").getString("precision")).isEqualTo("~10 km");
    assertThat(masked.getBoolean("masked")).isTrue();
    String listed = get(customerService, "/api/orders").bodyAsString();
    assertThat(listed).doesNotContain(order.vin()).doesNotContain(TestOrders.PHONE);
    assertThat(get(customerService, "/api/orders/" + order.id() + "/health").bodyAsString())
        .doesNotContain(order.vin());
    assertThat(get(customerService, "/api/vehicles/" + order.vin() + "/health").statusCode())
        .isEqualTo(403);

    assertThat(
            post(customerService, "/api/orders/" + order.id() + "/acknowledge", "{}").statusCode())
        .isEqualTo(403);
    assertThat(status(order.id())).isEqualTo("NEW");

    // the advisor sees it in full
    JsonObject full = ok(get(advisor, "/api/orders/" + order.id()));
    assertThat(full.getString("vin")).isEqualTo(order.vin());
    assertThat(full.getString("customerPhone")).isEqualTo(TestOrders.PHONE);
    assertThat(full.getJsonObject("location").getDouble("latitude")).isEqualTo(48.137154);
  }

  @Test
  void phoneAndLocationAreEncryptedAtRest() throws Exception {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    Map<String, Object> raw =
        db.query(
                "SELECT customer_phone_enc, location_enc, row_to_json(w)::text AS whole FROM work_order w WHERE id = '"
                    + order.id()
                    + "'")
            .getFirst();
    byte[] phone = (byte[]) raw.get("customer_phone_enc");
    byte[] location = (byte[]) raw.get("location_enc");
    assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain("1234567");
    assertThat(new String(location, StandardCharsets.ISO_8859_1)).doesNotContain("48.13");
    assertThat((String) raw.get("whole")).doesNotContain("1234567").doesNotContain("48.137");
    FieldCipher cipher = new FieldCipher(KEY);
    assertThat(cipher.decrypt(phone, order.id().toString())).isEqualTo(TestOrders.PHONE);
    assertThat(cipher.decrypt(location, order.id().toString())).isEqualTo("48.137154,11.576124");
  }

  @Test
  void badInputGets400WithAMessageAndChangesNothing() throws Exception {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    String base = "/api/orders/" + order.id();
    ok(post(advisor, base + "/acknowledge", "{}"));
    long audit = auditRows(order.id());

    record Case(HttpResponse<Buffer> response, String message) {}
    List<Case> cases =
        List.of(
            new Case(get(advisor, "/api/orders?status=OPEN"), "unknown status 'OPEN'"),
            new Case(get(advisor, "/api/orders?type=WIPERS"), "unknown work-order type 'WIPERS'"),
            new Case(
                get(advisor, "/api/orders?dueFrom=2026-13-01"),
                "dueFrom '2026-13-01' is not a date"),
            new Case(
                get(advisor, "/api/orders?dueFrom=2026-12-10&dueTo=2026-12-01"), "before dueFrom"),
            new Case(get(advisor, "/api/orders?limit=lots"), "limit must be a whole number"),
            new Case(get(advisor, "/api/orders?colour=red"), "unknown query parameter 'colour'"),
            new Case(get(advisor, "/api/orders/not-a-uuid"), "is not a work-order id"),
            new Case(get(advisor, "/api/orders?vin=x'%20OR%20'1'='1"), "is not a VIN"),
            new Case(get(advisor, "/api/orders?dealer=D001'--"), "is not a dealer id"),
            new Case(get(advisor, "/api/stats/outcomes?dealer=..%2Fetc"), "is not a dealer id"),
            new Case(get(advisor, "/api/vehicles/..%2F..%2Fetc/health"), "is not a VIN"),
            new Case(post(advisor, base + "/schedule", "{\"appointmentAt\":"), "malformed JSON"),
            new Case(post(advisor, base + "/schedule", "[1,2]"), "must be a JSON object"),
            new Case(
                post(advisor, base + "/schedule", "{\"appointmentAt\":\"next tuesday\"}"),
                "not an ISO-8601 date-time"),
            new Case(
                post(advisor, base + "/schedule", "{\"appointmentAt\":\"2026-11-28T09:30:00\"}"),
                "with offset"),
            new Case(post(advisor, base + "/schedule", "{}"), "appointmentAt is required"),
            new Case(
                post(advisor, base + "/done", "{\"odometerKm\":\"far\"}"),
                "odometerKm is required"),
            new Case(
                post(advisor, base + "/done", "{\"odometerKm\":100,\"customerScore\":11}"),
                "customerScore must be within 0..10"),
            new Case(
                post(advisor, base + "/done", "{\"odometerKm\":100,\"odometer\":5}"),
                "unknown field(s) [odometer]"),
            new Case(
                post(advisor, base + "/dismiss", "{\"reason\":\"BORED\"}"),
                "unknown reason 'BORED'"));
    for (Case c : cases) {
      assertThat(c.response().statusCode()).as(c.message()).isEqualTo(400);
      JsonObject error = c.response().bodyAsJsonObject();
      assertThat(error.getString("error")).isEqualTo("bad_request");
      assertThat(error.getString("message")).contains(c.message());
    }
    assertThat(status(order.id())).isEqualTo("ACKNOWLEDGED");
    assertThat(auditRows(order.id())).isEqualTo(audit);
  }

  @Test
  void everyApiCallNeedsAValidToken() {
    assertThat(get(null, "/api/orders").statusCode()).isEqualTo(401);
    assertThat(get("fc_not-a-token", "/api/orders").statusCode()).isEqualTo(401);
    assertThat(get(null, "/api/events").statusCode()).isEqualTo(401);
    assertThat(post(null, "/api/orders/" + UUID.randomUUID() + "/acknowledge", "{}").statusCode())
        .isEqualTo(401);
    // the page and the API description are public
    assertThat(get(null, "/").bodyAsString()).contains("Fleetcare");
    HttpResponse<Buffer> openApi = get(null, "/openapi.yaml");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.bodyAsString()).contains("openapi: 3.0.3").contains("/api/orders/{id}/done");
  }

  @Test
  void loginIssuesATokenThatExpires() {
    assertThat(
            post(null, "/api/login", "{\"username\":\"anna\",\"password\":\"wrong\"}").statusCode())
        .isEqualTo(401);
    JsonObject login =
        ok(post(null, "/api/login", "{\"username\":\"anna\",\"password\":\"secret-pw\"}"));
    String token = login.getString("token");
    assertThat(ok(get(token, "/api/me")).getString("role")).isEqualTo("ADVISOR");
    assertThat(
            db.queryLongUnchecked(
                "SELECT count(*) FROM api_token WHERE token_hash = sha256('" + token + "'::bytea)"))
        .isEqualTo(1);
    clock.advance(Duration.ofHours(13));
    assertThat(get(token, "/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void outcomesPerType() throws Exception {
    String dealer = "D088";
    String token = api.createUser(new ApiUser("olga", "O", Role.ADVISOR, dealer), null).await();
    WorkOrder a =
        submitted(
            TestOrders.order(
                nextVin(),
                dealer,
                WorkOrderType.TYRES,
                Urgency.NORMAL,
                LocalDate.parse("2026-12-01")));
    WorkOrder b =
        submitted(
            TestOrders.order(
                nextVin(),
                dealer,
                WorkOrderType.TYRES,
                Urgency.NORMAL,
                LocalDate.parse("2026-12-02")));
    WorkOrder c =
        submitted(
            TestOrders.order(
                nextVin(),
                dealer,
                WorkOrderType.TYRES,
                Urgency.NORMAL,
                LocalDate.parse("2026-12-03")));
    submitted(
        TestOrders.order(
            nextVin(), dealer, WorkOrderType.TYRES, Urgency.NORMAL, LocalDate.parse("2026-12-04")));
    clock.advance(Duration.ofHours(2));
    for (WorkOrder o : List.of(a, b)) {
      ok(post(token, "/api/orders/" + o.id() + "/acknowledge", "{}"));
      ok(
          post(
              token,
              "/api/orders/" + o.id() + "/schedule",
              "{\"appointmentAt\":\"2026-12-01T08:00:00Z\"}"));
    }
    ok(
        post(
            token,
            "/api/orders/" + a.id() + "/done",
            "{\"odometerKm\":1000,\"customerScore\":10}"));
    ok(post(token, "/api/orders/" + b.id() + "/done", "{\"odometerKm\":2000,\"customerScore\":5}"));
    ok(post(token, "/api/orders/" + c.id() + "/dismiss", "{\"reason\":\"FALSE_ALARM\"}"));

    JsonObject tyres =
        ok(get(token, "/api/stats/outcomes")).getJsonArray("outcomes").getJsonObject(0);
    assertThat(tyres.getString("type")).isEqualTo("TYRES");
    assertThat(tyres.getLong("ordered")).isEqualTo(4);
    assertThat(tyres.getLong("scheduled")).isEqualTo(2);
    assertThat(tyres.getLong("done")).isEqualTo(2);
    assertThat(tyres.getDouble("doneRate")).isEqualTo(0.5);
    assertThat(tyres.getDouble("falseAlarmRate")).isEqualTo(1.0 / 3);
    assertThat(tyres.getDouble("meanSecondsToAcknowledge")).isEqualTo(7200.0);
    assertThat(tyres.getLong("scoreResponses")).isEqualTo(2);
    assertThat(tyres.getDouble("nps")).isEqualTo(0.0); // one promoter, one detractor
  }

  @Test
  void vehicleHealthMergesSignalHistoryOfTheVehiclesOrders() {
    String vin = nextVin();
    WorkOrder first =
        submitted(
            TestOrders.order(
                vin,
                "D001",
                WorkOrderType.BRAKE_PADS,
                Urgency.NORMAL,
                LocalDate.parse("2026-10-01")));
    submitted(
        TestOrders.order(
            vin, "D001", WorkOrderType.BRAKE_PADS, Urgency.NORMAL, LocalDate.parse("2026-12-01")));
    JsonObject health = ok(get(advisor, "/api/vehicles/" + vin + "/health"));
    assertThat(health.getJsonArray("orders")).hasSize(2);
    JsonObject signal = health.getJsonArray("signals").getJsonObject(0);
    assertThat(signal.getString("signal")).endsWith("Brake.PadWear");
    assertThat(signal.getJsonArray("series")).hasSize(2); // same points in both orders, merged
    assertThat(signal.getJsonArray("forecast")).hasSize(1);
    assertThat(health.getJsonArray("timeline")).hasSize(2);
    assertThat(ok(get(advisor, "/api/orders/" + first.id() + "/health")).getJsonArray("orders"))
        .hasSize(2);
    assertThat(get(advisor, "/api/vehicles/" + nextVin() + "/health").statusCode()).isEqualTo(404);
  }

  @Test
  void liveFeedPushesAnOrderThePlannerInsertsDirectly(Vertx vertx, VertxTestContext test)
      throws Exception {
    WorkOrder order = TestOrders.order(nextVin(), "D001");
    vertx
        .createHttpClient()
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost("127.0.0.1")
                .setPort(api.port())
                .setURI("/api/events?access_token=" + customerService))
        .compose(request -> request.send())
        .onComplete(
            test.succeeding(
                (HttpClientResponse response) -> {
                  test.verify(
                      () ->
                          assertThat(response.getHeader("Content-Type"))
                              .startsWith("text/event-stream"));
                  StringBuilder received = new StringBuilder();
                  response.handler(
                      chunk -> {
                        received.append(chunk.toString(StandardCharsets.UTF_8));
                        String text = received.toString();
                        if (text.contains("event: ready") && !text.contains("inserted")) {
                          received.append("\n: inserted\n");
                          // as the planner's JDBC sink would: straight into the table
                          vertx.executeBlocking(() -> insertLikeThePlanner(order));
                        }
                        if (text.contains("event: order") && text.contains(order.id().toString())) {
                          test.verify(
                              () -> {
                                assertThat(text)
                                    .contains("***********" + order.vin().substring(11));
                                assertThat(text).doesNotContain(order.vin());
                              });
                          response.request().connection().close();
                          test.completeNow();
                        }
                      });
                }));
    assertThat(test.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
    if (test.failed()) {
      throw new AssertionError(test.causeOfFailure());
    }
  }

  private static boolean insertLikeThePlanner(WorkOrder order) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
      return new WorkOrderWriter(new FieldCipher(KEY)).insert(c, order, Instant.now(), "planner");
    }
  }

  @Test
  void overlappingOutboxPassesPublishOnce() {
    WorkOrder order = submitted(TestOrders.order(nextVin(), "D001"));
    String base = "/api/orders/" + order.id();
    ok(post(advisor, base + "/acknowledge", "{}"));
    // done starts a pass of its own; two more overlap with it
    ok(post(advisor, base + "/done", "{\"odometerKm\":1200}"));
    io.vertx.core.Future.all(
            api.service().sendPendingServiceEvents(), api.service().sendPendingServiceEvents())
        .await();
    assertThat(publisher.published()).filteredOn(p -> p.vin().equals(order.vin())).hasSize(1);
  }

  @Test
  void replayedPlanInsertsNothing() {
    WorkOrder order = TestOrders.order(nextVin(), "D001");
    assertThat(api.submit(order).await()).isTrue();
    assertThat(api.submit(order).await()).isFalse();
    assertThat(WorkOrder.planId(order.vin(), WorkOrderType.TYRES, LocalDate.parse("2026-12-01")))
        .isEqualTo(
            WorkOrder.planId(order.vin(), WorkOrderType.TYRES, LocalDate.parse("2026-12-01")));
  }
}
