package io.fleetcare.workorders.drills;

import static org.awaitility.Awaitility.await;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.WorkOrderApi;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.events.ServicePerformedPublisher;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.model.ServiceRecord;
import io.fleetcare.workorders.testing.InMemoryServicePerformedPublisher;
import io.fleetcare.workorders.testing.MutableClock;
import io.fleetcare.workorders.testing.TestDatabase;
import io.fleetcare.workorders.testing.TestOrders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill 7, restart of the service: orders created and worked on one instance, the clock moved part
 * of the way to the 24 h escalation, the instance stopped, a new one started on the same database
 * (and, for a while, a second one beside it, as in a rolling restart). Nothing of the orders, their
 * history or the SERVICE_PERFORMED outbox may be lost, and every overdue order escalates exactly
 * once, at the right time, through the instances' own periodic tick.
 */
@ExtendWith(VertxExtension.class)
class ServiceRestartDrill {
  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final Duration ESCALATE_AFTER = Duration.ofHours(24);
  private static final int WAITING_ORDERS = 5;
  private static final String DEALER = "D701";

  @Test
  void restartKeepsOrdersAndEscalatesEachOverdueOrderOnce(Vertx vertx) throws Exception {
    DrillLedger ledger = new DrillLedger("7 service restart");
    EncryptionKey key = EncryptionKey.random();
    try (TestDatabase db = TestDatabase.create()) {
      MutableClock clock = new MutableClock(T0);
      WorkOrderServiceOptions options =
          WorkOrderServiceOptions.builder(db.jdbcUrl(), key)
              .host("127.0.0.1")
              .httpPort(0)
              .escalateAfter(ESCALATE_AFTER)
              // the real periodic tick does the escalating in this drill
              .escalationCheckInterval(Duration.ofMillis(100))
              .clock(clock)
              .build();
      List<WorkOrderApi> running = new ArrayList<>();
      try {
        run(vertx, db, clock, options, ledger, running);
      } finally {
        for (WorkOrderApi api : running) {
          api.close().await(30, TimeUnit.SECONDS);
        }
      }
    }
    ledger.printAndAssert();
  }

  private static void run(
      Vertx vertx,
      TestDatabase db,
      MutableClock clock,
      WorkOrderServiceOptions options,
      DrillLedger ledger,
      List<WorkOrderApi> running)
      throws Exception {
    // ---- instance A: no SERVICE_PERFORMED publisher reachable (the broker is down) ----
    ServicePerformedPublisher brokerDown =
        (vin, event) -> {
          throw new IllegalStateException("broker unreachable (drill)");
        };
    WorkOrderApi a = WorkOrderApi.start(vertx, options, brokerDown).await(30, TimeUnit.SECONDS);
    running.add(a);
    ApiUser advisor = new ApiUser("drill7-advisor", "Drill advisor", Role.ADVISOR, DEALER);
    String token = a.createUser(advisor, null).await();
    a.createUser(new ApiUser("drill7-manager", "Drill manager", Role.MANAGER, DEALER), null)
        .await();

    List<WorkOrder> waiting = new ArrayList<>();
    for (int i = 0; i < WAITING_ORDERS; i++) {
      waiting.add(submit(a, 700_000 + i));
    }
    clock.advance(Duration.ofHours(2));
    WorkOrder acknowledged = submit(a, 700_100);
    a.service().act(advisor, acknowledged.id(), new LifecycleAction.Acknowledge("on it")).await();
    WorkOrder done = submit(a, 700_101);
    a.service().act(advisor, done.id(), new LifecycleAction.Acknowledge(null)).await();
    a.service()
        .act(
            advisor,
            done.id(),
            new LifecycleAction.Done(new ServiceRecord(List.of("PADS"), 41_000, 9, null)))
        .await();
    clock.advance(Duration.ofHours(8)); // T0 + 10 h
    WorkOrder late = submit(a, 700_102); // due to escalate at T0 + 34 h
    clock.advance(Duration.ofHours(10)); // T0 + 20 h: nothing is overdue yet
    ledger.check(
        "nothing escalates before 24 h",
        a.service().escalateOverdue().await().isEmpty(),
        "an order escalated before its deadline");
    List<UUID> all = new ArrayList<>();
    waiting.forEach(o -> all.add(o.id()));
    all.addAll(List.of(acknowledged.id(), done.id(), late.id()));
    ledger.put("orders created on instance A", all.size());

    List<Map<String, Object>> ordersBefore = orderRows(db);
    List<Map<String, Object>> auditBefore = auditRows(db);
    ledger.put("audit rows before restart", auditBefore.size());
    ledger.check(
        "outbox holds the done order's event while the broker is down",
        pendingServiceEvents(db) == 1,
        "expected 1 pending SERVICE_PERFORMED, found " + pendingServiceEvents(db));
    JsonObject detailBefore = orderWithoutHistory(a.port(), token, done.id());

    a.close().await(30, TimeUnit.SECONDS);
    running.remove(a);
    ledger.count("instance A stopped");

    // ---- instance B on the same database, with a working publisher ----
    InMemoryServicePerformedPublisher publisherB = new InMemoryServicePerformedPublisher();
    WorkOrderApi b = WorkOrderApi.start(vertx, options, publisherB).await(30, TimeUnit.SECONDS);
    running.add(b);
    ledger.count("instance B started");
    ledger.check(
        "order rows unchanged by the restart",
        orderRows(db).equals(ordersBefore),
        "order rows differ after restart");
    List<Map<String, Object>> auditAtStart = auditRows(db);
    ledger.check(
        "history unchanged by the restart",
        auditAtStart.size() >= auditBefore.size()
            && auditAtStart.subList(0, auditBefore.size()).equals(auditBefore),
        "audit rows differ after restart");
    ledger.check(
        "a token issued before the restart still works, same detail",
        orderWithoutHistory(b.port(), token, done.id()).equals(detailBefore),
        "order detail differs after restart");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> publisherB.published().size() >= 1 && pendingServiceEvents(db) == 0);
    ledger.check(
        "pending SERVICE_PERFORMED sent once after the restart",
        publisherB.published().size() == 1
            && publisherB.published().getFirst().event() instanceof VehicleEvent.ServicePerformed sp
            && sp.service().equals("BRAKE_PADS"),
        "published " + publisherB.published());

    // ---- past the deadline of the waiting orders ----
    clock.advance(Duration.ofHours(4).plusSeconds(1)); // T0 + 24 h + 1 s
    await().atMost(Duration.ofSeconds(30)).until(() -> escalations(db, waiting) == WAITING_ORDERS);

    // a second instance beside B, as in a rolling restart: both tick on the same table
    InMemoryServicePerformedPublisher publisherC = new InMemoryServicePerformedPublisher();
    WorkOrderApi c = WorkOrderApi.start(vertx, options, publisherC).await(30, TimeUnit.SECONDS);
    running.add(c);
    ledger.count("instance C started beside B");
    List<UUID> again =
        Future.all(b.service().escalateOverdue(), c.service().escalateOverdue())
            .await()
            .<List<UUID>>list()
            .stream()
            .flatMap(List::stream)
            .toList();
    ledger.check(
        "escalated orders are not escalated again", again.isEmpty(), "escalated again: " + again);

    // the late order's deadline passes while both run: one of them escalates it, once
    clock.advance(Duration.ofHours(10)); // T0 + 34 h + 1 s
    await().atMost(Duration.ofSeconds(30)).until(() -> escalations(db, List.of(late)) == 1);
    ledger.check(
        "nothing more to send after the restart",
        publisherC.published().isEmpty() && publisherB.published().size() == 1,
        "B sent " + publisherB.published().size() + ", C sent " + publisherC.published().size());

    // ---- accounting per order ----
    for (UUID id : all) {
      long escalated =
          db.queryLong(
              "SELECT count(*) FROM work_order_audit WHERE action = 'ESCALATED' AND order_id = '"
                  + id
                  + "'");
      boolean shouldEscalate = !id.equals(acknowledged.id()) && !id.equals(done.id());
      ledger.add("ESCALATED audit rows", escalated);
      ledger.check(
          "escalated exactly once, or never if acknowledged",
          escalated == (shouldEscalate ? 1 : 0),
          "order " + id + " has " + escalated + " ESCALATED rows");
      Map<String, Object> row =
          db.query(
                  "SELECT received_at, escalated_at, escalated_to FROM work_order WHERE id = '"
                      + id
                      + "'")
              .getFirst();
      if (shouldEscalate) {
        Instant received = ((java.sql.Timestamp) row.get("received_at")).toInstant();
        Instant escalatedAt = ((java.sql.Timestamp) row.get("escalated_at")).toInstant();
        ledger.check(
            "escalated no earlier than 24 h after receipt",
            !escalatedAt.isBefore(received.plus(ESCALATE_AFTER)),
            "order " + id + " escalated at " + escalatedAt + ", received " + received);
        ledger.check(
            "escalated to the dealer's manager",
            "drill7-manager".equals(row.get("escalated_to")),
            "order " + id + " escalated to " + row.get("escalated_to"));
      }
    }
    // every row written before the restart is still there, unchanged, and first
    List<Map<String, Object>> auditAfter = auditRows(db);
    ledger.check(
        "history before the restart intact",
        auditAfter.subList(0, auditBefore.size()).equals(auditBefore),
        "audit rows written before the restart changed");
    List<Object> added =
        auditAfter.subList(auditBefore.size(), auditAfter.size()).stream()
            .map(r -> r.get("action"))
            .toList();
    ledger.check(
        "only escalations and the outbox were added",
        added.stream().allMatch(x -> x.equals("ESCALATED") || x.equals("SERVICE_EVENT_SENT")),
        "unexpected audit rows " + added);
    ledger.put("audit rows after", auditAfter.size());
  }

  private static WorkOrder submit(WorkOrderApi api, int vin) {
    WorkOrder order = TestOrders.order(TestOrders.vin(vin), DEALER);
    api.submit(order).await();
    return order;
  }

  private static long escalations(TestDatabase db, List<WorkOrder> orders) throws Exception {
    long n = 0;
    for (WorkOrder o : orders) {
      n +=
          db.queryLong(
              "SELECT count(*) FROM work_order WHERE escalated_at IS NOT NULL AND id = '"
                  + o.id()
                  + "'");
    }
    return n;
  }

  private static long pendingServiceEvents(TestDatabase db) throws Exception {
    return db.queryLong(
        "SELECT count(*) FROM work_order WHERE status = 'DONE' AND service_event_sent_at IS NULL");
  }

  private static List<Map<String, Object>> orderRows(TestDatabase db) throws Exception {
    // whole rows as text (bytea as hex); the outbox column is left out: the new instance may send
    // the pending event at any moment after it starts, which is the point
    return db.query(
        "SELECT (to_jsonb(w) - 'service_event_sent_at')::text AS row FROM work_order w ORDER BY id");
  }

  private static List<Map<String, Object>> auditRows(TestDatabase db) throws Exception {
    return db.query(
        "SELECT id, order_id, at, actor, actor_role, action, from_status, to_status,"
            + " detail::text AS detail FROM work_order_audit ORDER BY id");
  }

  /** The order as the API shows it; its history may grow by the outbox row meanwhile. */
  private static JsonObject orderWithoutHistory(int port, String token, UUID id) throws Exception {
    JsonObject order = new JsonObject(get(port, token, "/api/orders/" + id));
    order.remove("history");
    return order;
  }

  private static String get(int port, String token, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " → " + response.statusCode());
      }
      return response.body();
    }
  }
}
