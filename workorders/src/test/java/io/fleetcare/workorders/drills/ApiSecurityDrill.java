package io.fleetcare.workorders.drills;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcare.core.workorder.GeoPoint;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.WorkOrderApi;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.crypto.FieldCipher;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.testing.MutableClock;
import io.fleetcare.workorders.testing.TestDatabase;
import io.fleetcare.workorders.testing.TestOrders;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill 6, API security, on every operation of the published {@code /openapi.yaml} (read from the
 * running service, so an endpoint added to the file is checked without touching this drill, and
 * held against the router, so an endpoint missing from the file fails the drill):
 *
 * <ul>
 *   <li>no token or a bad token → 401 with no data;
 *   <li>another dealer's order → 403/404 with no data, and nothing changes;
 *   <li>SQL-injection and path-traversal text in every parameter → 400 and no table changes; in
 *       typed body fields → 400; in free-text body fields → stored as the literal text only;
 *   <li>customer service never receives an unmasked VIN, phone or location (every endpoint's body
 *       and the live feed);
 *   <li>the audit log records every change (who, when, what) and refuses edits;
 *   <li>personal data columns hold ciphertext only (raw JDBC reads of every table).
 * </ul>
 */
@ExtendWith(VertxExtension.class)
class ApiSecurityDrill {
  private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
  private static final String DEALER = "D601";
  private static final String OTHER_DEALER = "D602";
  private static final String PASSWORD = "drill6-password";
  private static final String PHONE_B = "+49 30 98765432";
  private static final GeoPoint LOCATION_B = new GeoPoint(52.520008, 13.404954);
  private static final String PHONE_C = "+34 91 5550199";
  private static final GeoPoint LOCATION_C = new GeoPoint(40.416775, -3.70379);

  private static final List<String> ATTACKS =
      List.of(
          "' OR '1'='1",
          "1' OR 1=1--",
          "'; DROP TABLE work_order; --",
          "1; DELETE FROM work_order_audit",
          "' UNION SELECT username, password_hash FROM api_user--",
          "D601' OR dealer_id <> 'D601",
          "1' AND pg_sleep(5)--",
          "../../../../etc/passwd",
          "..%2F..%2F..%2Fetc%2Fpasswd",
          "....//....//etc/passwd",
          "/etc/passwd",
          "..\\..\\windows\\win.ini",
          "%00",
          "WVWZZZ1KZAW000001' OR '1'='1");

  /** Sample values of parameters by name; a parameter the drill cannot fill is a violation. */
  private static final Map<String, String> PARAMETER_SAMPLES =
      Map.ofEntries(
          Map.entry("status", "NEW,ACKNOWLEDGED"),
          Map.entry("type", "BRAKE_PADS"),
          Map.entry("urgency", "NORMAL"),
          Map.entry("department", "AFTER_SALES"),
          Map.entry("kind", "MAINTENANCE"),
          Map.entry("dueFrom", "2026-01-01"),
          Map.entry("dueTo", "2027-12-31"),
          Map.entry("escalated", "false"),
          Map.entry("limit", "50"),
          Map.entry("offset", "0"));

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final DrillLedger ledger = new DrillLedger("6 API security");
  private final EncryptionKey key = EncryptionKey.random();
  private final MutableClock clock = new MutableClock(START);
  private final List<WorkOrder> created = new ArrayList<>();
  private final List<ExpectedAudit> expectedAudit = new ArrayList<>();
  private TestDatabase db;
  private WorkOrderApi api;
  private HttpClient http;
  private ApiUser advisorUser;
  private String advisor;
  private String customerService;
  private String otherAdvisor;
  private String admin;
  private WorkOrder target;
  private WorkOrder otherDealersOrder;

  /** A lifecycle change the drill made, which the audit log must hold exactly once. */
  private record ExpectedAudit(
      String orderId, String actor, String action, String fromStatus, Instant at) {}

  /** One operation of the API description. */
  private record Op(String method, String path, JsonNode node) {
    boolean isPublic() {
      JsonNode security = node.get("security");
      return security != null && security.isArray() && security.isEmpty();
    }

    boolean changes() {
      return !method.equals("GET");
    }

    boolean isEventStream() {
      return node.at("/responses/200/content").has("text/event-stream");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** An HTTP answer: status, content type and body (an event stream up to its ready event). */
  private record Answer(int status, String contentType, String body) {}

  @Test
  void everyOperationOfTheApiDescription(Vertx vertx) throws Exception {
    db = TestDatabase.create();
    try {
      WorkOrderServiceOptions options =
          WorkOrderServiceOptions.builder(db.jdbcUrl(), key)
              .host("127.0.0.1")
              .httpPort(0)
              .escalationCheckInterval(Duration.ofHours(1000))
              .clock(clock)
              .build();
      api = WorkOrderApi.start(vertx, options).await(30, TimeUnit.SECONDS);
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try {
        setUp();
        List<Op> ops = operations();
        routesMatchTheFile(ops);
        SseRecorder csFeed = SseRecorder.open(api.port(), customerService);
        SseRecorder otherFeed = SseRecorder.open(api.port(), otherAdvisor);
        for (Op op : ops) {
          tokenRequired(op);
        }
        for (Op op : ops) {
          otherDealerGetsNothing(op);
        }
        for (Op op : ops) {
          hostileParameters(op);
          hostileBodyFields(op);
        }
        for (Op op : ops) {
          changesAreAudited(op);
        }
        escalationIsAudited();
        for (Op op : ops) {
          customerServiceSeesOnlyMaskedData(op);
        }
        liveFeeds(csFeed, otherFeed);
        auditLog();
        encryptedAtRest();
      } finally {
        http.close();
        api.close().await(30, TimeUnit.SECONDS);
      }
    } finally {
      db.close();
    }
    ledger.printAndAssert();
  }

  // ---------------------------------------------------------------- set-up and the file

  private void setUp() {
    advisorUser = new ApiUser("drill6-advisor", "Drill advisor", Role.ADVISOR, DEALER);
    advisor = api.createUser(advisorUser, PASSWORD).await();
    customerService =
        api.createUser(new ApiUser("drill6-cs", "Drill CS", Role.CUSTOMER_SERVICE, DEALER), null)
            .await();
    otherAdvisor =
        api.createUser(new ApiUser("drill6-other", "Other", Role.ADVISOR, OTHER_DEALER), null)
            .await();
    admin = api.createUser(new ApiUser("drill6-admin", "Admin", Role.ADMIN, null), null).await();
    api.createUser(new ApiUser("drill6-manager", "Manager", Role.MANAGER, DEALER), null).await();
    target = submit(DEALER, 600_001, TestOrders.PHONE, TestOrders.LOCATION);
    submit(DEALER, 600_002, PHONE_B, LOCATION_B);
    otherDealersOrder = submit(OTHER_DEALER, 600_900, PHONE_C, LOCATION_C);
  }

  private int vinSeq = 600_100;

  private WorkOrder submit(String dealer, int vin, String phone, GeoPoint location) {
    WorkOrder o = TestOrders.order(TestOrders.vin(vin), dealer);
    WorkOrder order =
        new WorkOrder(
            o.id(),
            o.vin(),
            o.dealerId(),
            o.department(),
            o.kind(),
            o.type(),
            o.urgency(),
            o.status(),
            o.createdAt(),
            o.predictedDate(),
            o.dueFrom(),
            o.dueTo(),
            o.probability(),
            o.evidenceJson(),
            o.modelVersion(),
            o.servicePackage(),
            phone,
            location);
    api.submit(order).await();
    created.add(order);
    return order;
  }

  private WorkOrder freshOrder() {
    return submit(DEALER, ++vinSeq, TestOrders.PHONE, TestOrders.LOCATION);
  }

  private List<Op> operations() throws Exception {
    Answer file = call("GET", "/openapi.yaml", null, null);
    JsonNode root = yaml.readTree(file.body());
    List<Op> ops = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> m = methods.next();
        if (Set.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
          ops.add(new Op(m.getKey().toUpperCase(Locale.ROOT), path.getKey(), m.getValue()));
        }
      }
    }
    componentsRoot = root;
    ledger.put("operations in /openapi.yaml", ops.size());
    return ops;
  }

  private JsonNode componentsRoot;

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    return componentsRoot.at(ref.asText().substring(1));
  }

  private List<JsonNode> parameters(Op op) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode params = op.node().get("parameters");
    if (params != null) {
      params.forEach(p -> out.add(resolve(p)));
    }
    return out;
  }

  private Map<String, JsonNode> bodyProperties(Op op) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode schema = op.node().at("/requestBody/content/application~1json/schema");
    if (!schema.isMissingNode()) {
      resolve(schema)
          .path("properties")
          .fields()
          .forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  private Set<String> requiredBodyProperties(Op op) {
    Set<String> out = new TreeSet<>();
    resolve(op.node().at("/requestBody/content/application~1json/schema"))
        .path("required")
        .forEach(n -> out.add(n.asText()));
    return out;
  }

  private void routesMatchTheFile(List<Op> ops) {
    Set<String> inFile = new TreeSet<>();
    ops.forEach(op -> inFile.add(op.toString()));
    Set<String> served = new TreeSet<>(api.apiOperations());
    ledger.put("operations served by the router", served.size());
    Set<String> undocumented = new TreeSet<>(served);
    undocumented.removeAll(inFile);
    Set<String> notServed = new TreeSet<>(inFile);
    notServed.removeAll(served);
    ledger.check(
        "every served operation is in the file",
        undocumented.isEmpty(),
        "undocumented " + undocumented);
    ledger.check(
        "every operation in the file is served", notServed.isEmpty(), "not served " + notServed);
  }

  // ---------------------------------------------------------------- building requests

  /** A request that would be valid for {@code order}: path filled, no query, a valid body. */
  private String uri(Op op, WorkOrder order, Map<String, String> query) {
    String path = op.path();
    for (JsonNode p : parameters(op)) {
      if (p.path("in").asText().equals("path")) {
        String name = p.path("name").asText();
        String value =
            query.containsKey("{" + name + "}")
                ? query.get("{" + name + "}")
                : pathSample(op, name, order);
        path = path.replace("{" + name + "}", encode(value));
      }
    }
    StringBuilder q = new StringBuilder();
    query.forEach(
        (k, v) -> {
          if (!k.startsWith("{")) {
            q.append(q.isEmpty() ? "?" : "&").append(encode(k)).append('=').append(encode(v));
          }
        });
    return path + q;
  }

  private String pathSample(Op op, String name, WorkOrder order) {
    return switch (name) {
      case "id" -> order.id().toString();
      case "vin" -> order.vin();
      default -> {
        ledger.check("path parameter known to the drill", false, op + " {" + name + "}");
        yield "x";
      }
    };
  }

  private String querySample(Op op, JsonNode param, WorkOrder order) {
    String name = param.path("name").asText();
    if (PARAMETER_SAMPLES.containsKey(name)) {
      return PARAMETER_SAMPLES.get(name);
    }
    return switch (name) {
      case "dealer" -> order.dealerId();
      case "vin" -> order.vin();
      case "access_token" -> advisor;
      default -> {
        ledger.check("query parameter known to the drill", false, op + " ?" + name);
        yield "x";
      }
    };
  }

  private static boolean isCredential(JsonNode param) {
    return param.path("name").asText().contains("token");
  }

  private JsonObject validBody(Op op) {
    if (op.node().path("requestBody").isMissingNode()) {
      return null;
    }
    JsonObject body = new JsonObject();
    Map<String, JsonNode> props = bodyProperties(op);
    for (String name : requiredBodyProperties(op)) {
      body.put(name, sampleBodyValue(op, name, props.get(name)));
    }
    return body;
  }

  private Object sampleBodyValue(Op op, String name, JsonNode schema) {
    switch (name) {
      case "username":
        return advisorUser.username();
      case "password":
        return PASSWORD;
      default:
        break;
    }
    if (schema.has("example")) {
      return schema.get("example").asText();
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asText();
    }
    return switch (schema.path("type").asText()) {
      case "number" -> 12_345.5;
      case "integer" -> schema.path("minimum").asInt(5);
      case "boolean" -> false;
      case "array" -> new JsonArray();
      case "string" -> "drill text";
      default -> {
        ledger.check("body field known to the drill", false, op + " " + name);
        yield "x";
      }
    };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, UTF_8).replace("+", "%20");
  }

  private Answer call(String method, String uri, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + uri))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (method.equals("GET")) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .method(
              method,
              body == null
                  ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    String type = r.headers().firstValue("Content-Type").orElse("");
    try (InputStream in = r.body()) {
      if (type.startsWith("text/event-stream")) {
        return new Answer(r.statusCode(), type, readUpToReady(in));
      }
      return new Answer(r.statusCode(), type, new String(in.readAllBytes(), UTF_8));
    }
  }

  private static String readUpToReady(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
      String text = out.toString(UTF_8);
      int ready = text.indexOf("event: ready");
      if (ready >= 0 && text.indexOf("\n\n", ready) > 0) {
        break;
      }
    }
    return out.toString(UTF_8);
  }

  private Answer callAs(String token, Op op, WorkOrder order, Map<String, String> query)
      throws Exception {
    JsonObject body = validBody(op);
    return call(op.method(), uri(op, order, query), token, body == null ? null : body.encode());
  }

  // ---------------------------------------------------------------- 401

  private void tokenRequired(Op op) throws Exception {
    if (op.isPublic()) {
      ledger.count("public operations (security: [])");
      return;
    }
    String before = fingerprint();
    for (String token : new String[] {null, "", "fc_not-a-real-token", "' OR '1'='1"}) {
      Answer a = callAs(token, op, target, Map.of());
      ledger.check(
          "401 without a valid token",
          a.status() == 401 && isErrorOnly(a),
          op + " token=" + token + " → " + a.status() + " " + shorten(a.body()));
    }
    ledger.check(
        "nothing changed by unauthenticated calls",
        fingerprint().equals(before),
        op + " changed the tables");
  }

  // ---------------------------------------------------------------- another dealer

  private void otherDealerGetsNothing(Op op) throws Exception {
    if (op.isPublic()) {
      return;
    }
    List<Map<String, String>> variants = new ArrayList<>();
    variants.add(Map.of());
    for (JsonNode p : parameters(op)) {
      String name = p.path("name").asText();
      if (p.path("in").asText().equals("query") && (name.equals("dealer") || name.equals("vin"))) {
        variants.add(Map.of(name, querySample(op, p, target)));
      }
    }
    boolean addressesAnOrder =
        parameters(op).stream().anyMatch(p -> p.path("in").asText().equals("path"));
    for (Map<String, String> query : variants) {
      String before = fingerprint();
      Answer a = callAs(otherAdvisor, op, target, query);
      boolean refusalExpected = addressesAnOrder || query.containsKey("dealer");
      if (refusalExpected) {
        ledger.check(
            "another dealer's order: 403/404",
            (a.status() == 403 || a.status() == 404) && isErrorOnly(a),
            op + " " + query + " → " + a.status() + " " + shorten(a.body()));
      } else {
        ledger.check(
            "another dealer's call answered",
            a.status() == 200,
            op + " " + query + " → " + a.status());
      }
      ledger.check(
          "no data of another dealer in the body",
          leakedDealerData(a.body(), uri(op, target, query)).isEmpty(),
          op + " " + query + " leaked " + leakedDealerData(a.body(), uri(op, target, query)));
      ledger.check(
          "another dealer changes nothing",
          fingerprint().equals(before),
          op + " " + query + " changed the tables");
    }
  }

  /** Identifiers of dealer {@link #DEALER}'s orders in a body (other than echoed request text). */
  private List<String> leakedDealerData(String body, String request) {
    List<String> leaked = new ArrayList<>();
    for (WorkOrder o : created) {
      if (!o.dealerId().equals(DEALER)) {
        continue;
      }
      for (String s : List.of(o.id().toString(), o.vin(), o.vin().substring(11))) {
        if (body.contains(s) && !request.contains(s)) {
          leaked.add(s);
        }
      }
    }
    for (WorkOrder o : created) {
      if (o.dealerId().equals(DEALER)) {
        leaked.addAll(personalDataIn(body, o));
      }
    }
    return leaked;
  }

  // ---------------------------------------------------------------- hostile input

  private void hostileParameters(Op op) throws Exception {
    for (JsonNode p : parameters(op)) {
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      boolean credential = isCredential(p);
      String token = credential ? null : advisor;
      // the same request with a good value must succeed, so a 400 below is the attack's doing
      Map<String, String> good = new LinkedHashMap<>();
      if (in.equals("query")) {
        good.put(name, querySample(op, p, target));
      }
      JsonObject body = validBody(op);
      if (!op.changes()) {
        Answer ok = call(op.method(), uri(op, target, good), token, null);
        ledger.check(
            "good value accepted",
            ok.status() == 200,
            op + " " + name + " → " + ok.status() + " " + shorten(ok.body()));
      }
      for (String attack : ATTACKS) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(in.equals("path") ? "{" + name + "}" : name, attack);
        String before = fingerprint();
        Answer a =
            call(op.method(), uri(op, target, query), token, body == null ? null : body.encode());
        int expected = credential ? 401 : 400;
        ledger.check(
            credential ? "hostile credential → 401" : "hostile parameter → 400",
            a.status() == expected && isErrorOnly(a) && !looksLikeInternals(a.body()),
            op
                + " "
                + in
                + " "
                + name
                + "="
                + attack
                + " → "
                + a.status()
                + " "
                + shorten(a.body()));
        ledger.check(
            "hostile parameter changes nothing",
            fingerprint().equals(before),
            op + " " + name + "=" + attack + " changed the tables");
      }
    }
  }

  private void hostileBodyFields(Op op) throws Exception {
    Map<String, JsonNode> props = bodyProperties(op);
    for (Map.Entry<String, JsonNode> prop : props.entrySet()) {
      String name = prop.getKey();
      JsonNode schema = prop.getValue();
      boolean freeText =
          schema.path("type").asText().equals("string")
              && !schema.has("enum")
              && !schema.has("format");
      for (String attack : ATTACKS) {
        WorkOrder order = op.path().contains("{id}") ? freshOrder() : target;
        JsonObject body = validBody(op);
        body.put(name, attack);
        String before = fingerprint();
        String othersBefore = fingerprintExcept(order);
        Answer a = call(op.method(), uri(op, order, Map.of()), advisor, body.encode());
        if (a.status() == 409) {
          // the action needs an acknowledged order; the attack is still in the body
          api.service().act(advisorUser, order.id(), new LifecycleAction.Acknowledge(null)).await();
          before = fingerprint();
          a = call(op.method(), uri(op, order, Map.of()), advisor, body.encode());
        }
        if (!freeText) {
          ledger.check(
              "hostile typed body field → 400",
              a.status() == 400 && isErrorOnly(a) && !looksLikeInternals(a.body()),
              op + " " + name + "=" + attack + " → " + a.status() + " " + shorten(a.body()));
          ledger.check(
              "hostile typed body field changes nothing",
              fingerprint().equals(before),
              op + " " + name + " changed the tables");
        } else if (op.isPublic()) {
          ledger.check(
              "hostile credentials refused",
              (a.status() == 401 || a.status() == 400) && isErrorOnly(a),
              op + " " + name + "=" + attack + " → " + a.status());
          ledger.check(
              "hostile credentials change nothing",
              fingerprint().equals(before),
              op + " " + name + " changed the tables");
        } else {
          // free text is data: accepted and stored as exactly that text, nothing else touched
          ledger.check(
              "hostile free text accepted as data",
              a.status() == 200,
              op + " " + name + "=" + attack + " → " + a.status() + " " + shorten(a.body()));
          ledger.check(
              "hostile free text stored verbatim",
              storedVerbatim(order, attack),
              op + " " + name + "=" + attack + " not found verbatim in the order's history");
          ledger.check(
              "hostile free text touches no other order",
              fingerprintExcept(order).equals(othersBefore),
              op + " " + name + " changed other rows");
        }
      }
    }
  }

  private boolean storedVerbatim(WorkOrder order, String text) throws Exception {
    Answer detail = call("GET", "/api/orders/" + order.id(), advisor, null);
    return detail.status() == 200 && containsString(new JsonObject(detail.body()), text);
  }

  private static boolean containsString(Object json, String text) {
    return switch (json) {
      case JsonObject o -> o.stream().anyMatch(e -> containsString(e.getValue(), text));
      case JsonArray a -> a.stream().anyMatch(v -> containsString(v, text));
      case String s -> s.equals(text);
      case null, default -> false;
    };
  }

  private static boolean looksLikeInternals(String body) {
    String lower = body.toLowerCase(Locale.ROOT);
    return Stream.of("psql", "sqlstate", "syntax error", "exception", "org.postgresql", "at io.")
        .anyMatch(lower::contains);
  }

  // ---------------------------------------------------------------- audit

  private void changesAreAudited(Op op) throws Exception {
    if (!op.changes() || op.isPublic()) {
      return;
    }
    WorkOrder order = freshOrder();
    clock.advance(Duration.ofMinutes(7));
    String from = "NEW";
    Answer a = callAs(advisor, op, order, Map.of());
    if (a.status() == 409) {
      clock.advance(Duration.ofMinutes(7));
      JsonObject ack =
          new JsonObject(
              call("POST", "/api/orders/" + order.id() + "/acknowledge", advisor, "{}").body());
      expectedAudit.add(
          new ExpectedAudit(
              order.id().toString(),
              advisorUser.username(),
              "ACKNOWLEDGED",
              "NEW",
              clock.instant()));
      from = ack.getString("status");
      clock.advance(Duration.ofMinutes(7));
      a = callAs(advisor, op, order, Map.of());
    }
    if (!ledger.check(
        "valid change accepted",
        a.status() == 200,
        op + " → " + a.status() + " " + shorten(a.body()))) {
      return;
    }
    String to = new JsonObject(a.body()).getString("status");
    expectedAudit.add(
        new ExpectedAudit(
            order.id().toString(), advisorUser.username(), to, from, clock.instant()));
    // what was given is in the audit detail
    JsonObject given = validBody(op);
    List<Map<String, Object>> rows =
        db.query(
            "SELECT detail::text AS detail FROM work_order_audit WHERE action = '"
                + to
                + "' AND order_id = '"
                + order.id()
                + "'");
    JsonObject detail =
        rows.isEmpty() ? new JsonObject() : new JsonObject((String) rows.getFirst().get("detail"));
    for (String field : given.fieldNames()) {
      ledger.check(
          "audit detail holds what was given",
          detail.containsKey(field),
          op + ": audit detail " + detail + " lacks " + field);
    }
  }

  private void escalationIsAudited() throws Exception {
    clock.advance(Duration.ofHours(25));
    List<?> escalated = api.service().escalateOverdue().await();
    ledger.put("orders escalated (system change)", escalated.size());
    ledger.check("escalation ran", !escalated.isEmpty(), "no order escalated");
  }

  private void auditLog() throws Exception {
    for (ExpectedAudit e : expectedAudit) {
      long n =
          db.queryLong(
              "SELECT count(*) FROM work_order_audit WHERE order_id = '"
                  + e.orderId()
                  + "' AND actor = '"
                  + e.actor()
                  + "' AND actor_role = 'ADVISOR' AND action = '"
                  + e.action()
                  + "' AND from_status = '"
                  + e.fromStatus()
                  + "' AND to_status = '"
                  + e.action()
                  + "' AND at = '"
                  + e.at()
                  + "'::timestamptz");
      ledger.check(
          "change audited once with who, when, what", n == 1, e + " found " + n + " times");
    }
    ledger.put("changes made through the API and checked in the audit", expectedAudit.size());
    List<Map<String, Object>> perOrder =
        db.query(
            """
            SELECT w.id, w.status, w.version,
                   (SELECT count(*) FROM work_order_audit a WHERE a.order_id = w.id
                      AND a.action = 'CREATED') AS created,
                   (SELECT a.action FROM work_order_audit a WHERE a.order_id = w.id
                      ORDER BY a.id LIMIT 1) AS first_action,
                   (SELECT count(*) FROM work_order_audit a WHERE a.order_id = w.id
                      AND a.action IN ('ACKNOWLEDGED','SCHEDULED','DONE','DISMISSED','ESCALATED'))
                      AS changes,
                   (SELECT a.to_status FROM work_order_audit a WHERE a.order_id = w.id
                      ORDER BY a.id DESC LIMIT 1) AS last_status,
                   (SELECT count(*) FROM work_order_audit a WHERE a.order_id = w.id
                      AND (a.actor IS NULL OR a.actor = '' OR a.at IS NULL)) AS anonymous
            FROM work_order w
            """);
    for (Map<String, Object> r : perOrder) {
      ledger.check(
          "every order: created once, first",
          ((Number) r.get("created")).longValue() == 1 && "CREATED".equals(r.get("first_action")),
          "order " + r.get("id") + " " + r);
      ledger.check(
          "every order: one audit row per change (version)",
          ((Number) r.get("changes")).longValue() == ((Number) r.get("version")).longValue(),
          "order "
              + r.get("id")
              + " version "
              + r.get("version")
              + ", audited changes "
              + r.get("changes"));
      ledger.check(
          "every order: status is the audited status",
          r.get("status").equals(r.get("last_status")),
          "order " + r.get("id") + " " + r.get("status") + " vs " + r.get("last_status"));
      ledger.check(
          "every audit row says who and when",
          ((Number) r.get("anonymous")).longValue() == 0,
          "order " + r.get("id"));
    }
    ledger.put("audit rows", db.queryLong("SELECT count(*) FROM work_order_audit"));
    String before = fingerprint();
    for (String sql :
        List.of("UPDATE work_order_audit SET actor = 'mallory'", "DELETE FROM work_order_audit")) {
      boolean refused;
      try (Connection c = DriverManager.getConnection(db.jdbcUrl());
          Statement s = c.createStatement()) {
        s.executeUpdate(sql);
        refused = false;
      } catch (SQLException e) {
        refused = true;
      }
      ledger.check("audit log refuses edits", refused, sql + " succeeded");
    }
    ledger.check("audit log unchanged by edit attempts", fingerprint().equals(before), "changed");
  }

  // ---------------------------------------------------------------- masking

  private void customerServiceSeesOnlyMaskedData(Op op) throws Exception {
    if (op.isPublic()) {
      return;
    }
    List<Map<String, String>> variants = new ArrayList<>();
    variants.add(Map.of());
    Map<String, String> all = new LinkedHashMap<>();
    for (JsonNode p : parameters(op)) {
      if (p.path("in").asText().equals("query") && !isCredential(p)) {
        all.put(p.path("name").asText(), querySample(op, p, target));
      }
    }
    if (!all.isEmpty()) {
      all.remove("status"); // any status
      variants.add(all);
    }
    for (WorkOrder order : List.of(target, created.get(1), created.getLast())) {
      for (Map<String, String> query : variants) {
        String before = fingerprint();
        Answer a = callAs(customerService, op, order, query);
        ledger.count("customer-service responses checked");
        List<String> leaks = unmaskedPersonalData(a.body());
        ledger.check(
            "customer service sees no unmasked VIN, phone or location",
            leaks.isEmpty(),
            op + " " + query + " → " + a.status() + " leaked " + leaks);
        if (op.changes()) {
          ledger.check(
              "customer service cannot change orders",
              a.status() == 403 && fingerprint().equals(before),
              op + " → " + a.status());
        }
        locationsAreCoarse(op, a.body());
      }
    }
  }

  private void locationsAreCoarse(Op op, String body) {
    Object json;
    try {
      json = body.startsWith("[") ? new JsonArray(body) : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return; // the event stream; scanned as text
    }
    List<JsonObject> locations = new ArrayList<>();
    collect(json, "location", locations);
    for (JsonObject l : locations) {
      ledger.check(
          "customer service location is coarse",
          "~10 km".equals(l.getString("precision"))
              && decimals(l.getDouble("latitude")) <= 1
              && decimals(l.getDouble("longitude")) <= 1,
          op + " location " + l);
    }
  }

  private static int decimals(double v) {
    String s = Double.toString(v);
    return s.contains(".") ? s.length() - s.indexOf('.') - 1 : 0;
  }

  private static void collect(Object json, String key, List<JsonObject> out) {
    if (json instanceof JsonObject o) {
      if (o.getValue(key) instanceof JsonObject found) {
        out.add(found);
      }
      o.forEach(e -> collect(e.getValue(), key, out));
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> collect(v, key, out));
    }
  }

  /** Plain VINs, phone numbers and exact coordinates of the drill's orders found in a text. */
  private List<String> unmaskedPersonalData(String text) {
    return unmaskedPersonalData(text, created);
  }

  private static List<String> unmaskedPersonalData(String text, List<WorkOrder> orders) {
    Set<String> found = new LinkedHashSet<>();
    for (WorkOrder o : orders) {
      if (text.contains(o.vin())) {
        found.add("VIN " + o.vin());
      }
      found.addAll(personalDataIn(text, o));
    }
    return new ArrayList<>(found);
  }

  /** The order's phone (as written, as digits, 7 inner digits) or coordinates found in a text. */
  private static List<String> personalDataIn(String text, WorkOrder o) {
    List<String> found = new ArrayList<>();
    String digits = o.customerPhone().replaceAll("\\D", "");
    for (String phone : List.of(o.customerPhone(), digits, digits.substring(2, 9))) {
      if (text.contains(phone)) {
        found.add("phone " + phone);
      }
    }
    for (String c : coordinateTexts(o.location())) {
      if (text.contains(c)) {
        found.add("coordinate " + c);
      }
    }
    return found;
  }

  /** The coordinates as text, to two decimals (about 1 km) and finer. */
  private static List<String> coordinateTexts(GeoPoint p) {
    List<String> out = new ArrayList<>();
    for (double v : new double[] {p.latitude(), p.longitude()}) {
      out.add(BigDecimal.valueOf(v).setScale(2, RoundingMode.DOWN).toPlainString());
      out.add(Double.toString(v));
    }
    return out;
  }

  // ---------------------------------------------------------------- live feed

  private void liveFeeds(SseRecorder cs, SseRecorder other) throws Exception {
    // one more change at each dealer so both feeds have something to say
    WorkOrder mine = freshOrder();
    WorkOrder theirs = submit(OTHER_DEALER, 600_950, PHONE_C, LOCATION_C);
    await().atMost(Duration.ofSeconds(30)).until(() -> cs.text().contains(mine.id().toString()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> other.text().contains(theirs.id().toString()));
    cs.close();
    other.close();
    String csText = cs.text();
    String otherText = other.text();
    ledger.put("customer-service feed order events", count(csText, "event: order"));
    ledger.put("other dealer feed order events", count(otherText, "event: order"));
    ledger.check(
        "customer-service feed: no unmasked data",
        unmaskedPersonalData(csText).isEmpty(),
        "leaked " + unmaskedPersonalData(csText));
    ledger.check(
        "customer-service feed: order events seen",
        count(csText, "event: order") >= 10,
        "only " + count(csText, "event: order") + " events; the check would be vacuous");
    List<String> foreign = new ArrayList<>();
    for (WorkOrder o : created) {
      if (o.dealerId().equals(DEALER) && otherText.contains(o.id().toString())) {
        foreign.add(o.id().toString());
      }
    }
    ledger.check(
        "other dealer's feed: none of dealer " + DEALER + "'s orders",
        foreign.isEmpty(),
        "received " + foreign.size() + " foreign orders");
  }

  private static long count(String text, String what) {
    long n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------- at rest

  private void encryptedAtRest() throws Exception {
    FieldCipher right = new FieldCipher(key);
    FieldCipher wrong = new FieldCipher(EncryptionKey.random());
    Set<String> ciphertexts = new LinkedHashSet<>();
    for (WorkOrder o : created) {
      Map<String, Object> row =
          db.query(
                  "SELECT customer_phone_enc, location_enc FROM work_order WHERE id = '"
                      + o.id()
                      + "'")
              .getFirst();
      byte[] phone = (byte[]) row.get("customer_phone_enc");
      byte[] location = (byte[]) row.get("location_enc");
      String rowId = o.id().toString();
      for (byte[] stored : List.of(phone, location)) {
        ledger.count("encrypted values read raw");
        ledger.check(
            "stored bytes hold no plaintext",
            plaintextIn(stored, o).isEmpty(),
            "order " + o.id() + " stores " + plaintextIn(stored, o));
        ciphertexts.add(HexFormat.of().formatHex(stored));
        boolean wrongKeyFails;
        try {
          wrong.decrypt(stored, rowId);
          wrongKeyFails = false;
        } catch (IllegalStateException e) {
          wrongKeyFails = true;
        }
        ledger.check("another key cannot read it", wrongKeyFails, "order " + o.id());
      }
      ledger.check(
          "the service key reads the exact location",
          String.format(Locale.ROOT, "%.6f,%.6f", o.location().latitude(), o.location().longitude())
              .equals(right.decrypt(location, rowId)),
          "order " + o.id());
      ledger.check(
          "the service key reads the phone",
          o.customerPhone().equals(right.decrypt(phone, rowId)),
          "order " + o.id());
    }
    ledger.check(
        "equal plaintexts give different ciphertexts (random nonce)",
        ciphertexts.size() == created.size() * 2,
        ciphertexts.size() + " distinct of " + created.size() * 2);
    // and nowhere else in the database: every table, whole rows as text (bytea as hex)
    List<Map<String, Object>> tables =
        db.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE'");
    for (Map<String, Object> t : tables) {
      String table = (String) t.get("table_name");
      List<Map<String, Object>> rows = db.query("SELECT t::text AS row FROM " + table + " t");
      for (Map<String, Object> r : rows) {
        String text = (String) r.get("row");
        ledger.count("database rows scanned");
        // VINs are not personal data here: they identify the vehicle and stay in clear
        List<String> found = new ArrayList<>();
        for (WorkOrder o : created) {
          found.addAll(personalDataIn(text, o));
          for (String plain : plaintexts(o)) {
            if (text.contains(HexFormat.of().formatHex(plain.getBytes(UTF_8)))) {
              found.add("hex of " + plain);
            }
          }
        }
        ledger.check(
            "no plaintext phone or location anywhere in the database",
            found.isEmpty(),
            table + " row holds " + found);
      }
    }
  }

  private static List<String> plaintexts(WorkOrder o) {
    List<String> out = new ArrayList<>(coordinateTexts(o.location()));
    out.add(String.format(Locale.ROOT, "%.6f", o.location().latitude()));
    out.add(o.customerPhone());
    out.add(o.customerPhone().replaceAll("\\D", ""));
    return out;
  }

  private static List<String> plaintextIn(byte[] stored, WorkOrder o) {
    List<String> found = new ArrayList<>();
    String asText = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
    for (String plain : plaintexts(o)) {
      if (asText.contains(plain)) {
        found.add(plain);
      }
    }
    for (double v : new double[] {o.location().latitude(), o.location().longitude()}) {
      for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
        byte[] raw = ByteBuffer.allocate(8).order(order).putDouble(v).array();
        if (asText.contains(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1))) {
          found.add("binary " + v);
        }
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- helpers

  /** Whole tables as text: any change to any row of any table shows. */
  private String fingerprint() throws SQLException {
    return (String)
        db.query(
                """
                SELECT md5(coalesce((SELECT string_agg(w::text, '|' ORDER BY w.id) FROM work_order w), ''))
                    || md5(coalesce((SELECT string_agg(a::text, '|' ORDER BY a.id) FROM work_order_audit a), ''))
                    || md5(coalesce((SELECT string_agg(u::text, '|' ORDER BY u.username) FROM api_user u), ''))
                    || md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY t.token_hash) FROM api_token t), ''))
                    || md5(coalesce((SELECT string_agg(table_name::text, '|' ORDER BY table_name)
                                     FROM information_schema.tables WHERE table_schema = 'public'), ''))
                    AS fp
                """)
            .getFirst()
            .get("fp");
  }

  /** {@link #fingerprint} of everything but one order and its audit rows. */
  private String fingerprintExcept(WorkOrder order) throws SQLException {
    String id = order.id().toString();
    return (String)
        db.query(
                "SELECT md5(coalesce((SELECT string_agg(w::text, '|' ORDER BY w.id) FROM work_order w"
                    + " WHERE w.id <> '"
                    + id
                    + "'), '')) || md5(coalesce((SELECT string_agg(a::text, '|' ORDER BY a.id)"
                    + " FROM work_order_audit a WHERE a.order_id <> '"
                    + id
                    + "'), '')) || md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY"
                    + " t.token_hash) FROM api_token t), '')) AS fp")
            .getFirst()
            .get("fp");
  }

  private static boolean isErrorOnly(Answer a) {
    try {
      JsonObject o = new JsonObject(a.body());
      return Set.of("error", "message").containsAll(o.fieldNames());
    } catch (DecodeException e) {
      return false;
    }
  }

  private static String shorten(String s) {
    return s.length() <= 160 ? s : s.substring(0, 160) + "…";
  }

  /** An {@code /api/events} connection that records everything it receives. */
  private static final class SseRecorder {
    private final HttpClient http;
    private final StringBuffer text = new StringBuffer();

    private SseRecorder(HttpClient http) {
      this.http = http;
    }

    static SseRecorder open(int port, String token) throws Exception {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      SseRecorder recorder = new SseRecorder(http);
      HttpResponse<Stream<String>> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/events?access_token=" + token))
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      Thread.ofPlatform()
          .daemon()
          .name("drill6-feed")
          .start(
              () -> {
                try (Stream<String> lines = response.body()) {
                  lines.forEach(l -> recorder.text.append(l).append('\n'));
                } catch (RuntimeException e) {
                  // closed by the drill
                }
              });
      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.text().contains("event: ready"));
      return recorder;
    }

    String text() {
      return text.toString();
    }

    void close() {
      http.shutdownNow();
    }
  }
}
