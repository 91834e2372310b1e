package io.fleetcare.workorders.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.workorder.Urgency;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderKind;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderStatus;
import io.fleetcare.core.workorder.WorkOrderTopic;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.workorders.WorkOrderApi;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.testing.TestDatabase;
import io.fleetcare.workorders.testing.TestOrders;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orders published on {@code fleet/service/{dealerId}/work-orders} on the real broker land in the
 * work-order table through the service's insert path: once per id, invalid messages dropped, and
 * orders published while the subscriber was away delivered from its persistent session.
 */
class WorkOrderFeedSubscriberIT {
  private static final String BROKER =
      System.getenv().getOrDefault("FLEETCARE_TEST_BROKER", "tcp://127.0.0.1:1883");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Vertx vertx;
  private static TestDatabase db;
  private static WorkOrderApi api;
  private static MqttClient publisher;
  private static int vinCounter = (int) (Math.random() * 500_000);

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    db = TestDatabase.create();
    WorkOrderServiceOptions options =
        WorkOrderServiceOptions.builder(db.jdbcUrl(), EncryptionKey.random())
            .host("127.0.0.1")
            .httpPort(0)
            .escalationCheckInterval(Duration.ofHours(1000))
            .build();
    api = WorkOrderApi.start(vertx, options).await(30, TimeUnit.SECONDS);
    publisher =
        new MqttClient(BROKER, "wo-feed-it-pub-" + UUID.randomUUID(), new MemoryPersistence());
    publisher.connect();
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
      publisher.close();
    }
    if (api != null) {
      api.close().await(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
  }

  private static WorkOrder order(String dealer) {
    String vin = TestOrders.vin(++vinCounter);
    LocalDate dueFrom = LocalDate.parse("2026-11-27");
    return new WorkOrder(
        WorkOrder.planId(vin, WorkOrderType.BRAKE_PADS, dueFrom),
        vin,
        dealer,
        null,
        WorkOrderKind.MAINTENANCE,
        WorkOrderType.BRAKE_PADS,
        Urgency.NORMAL,
        WorkOrderStatus.NEW,
        Instant.parse("2026-11-20T08:00:00Z"),
        LocalDate.parse("2026-12-01"),
        dueFrom,
        LocalDate.parse("2026-12-01"),
        0.8,
        "{\"signal\":\"brake.pad_wear_pct.Row1.Left\",\"summary\":\"pads 91 %\"}",
        "interim-linear-trend-v1",
        "BRAKE-PADS-REPLACEMENT",
        null,
        null);
  }

  private static void publish(String topic, byte[] payload) throws Exception {
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    publisher.publish(topic, m);
  }

  private static long count(UUID id) {
    return db.queryLongUnchecked("SELECT count(*) FROM work_order WHERE id = '" + id + "'");
  }

  private static WorkOrderFeedSubscriber.Options options(String clientId) {
    // A short session expiry: the test's sessions must not linger on the shared broker.
    return new WorkOrderFeedSubscriber.Options(
        BROKER,
        clientId,
        WorkOrderTopic.ALL_DEALERS,
        Duration.ofMinutes(2),
        Duration.ofSeconds(10));
  }

  @Test
  void storesPublishedOrdersOnceAndDropsInvalidMessages() throws Exception {
    String dealer = "IT" + (vinCounter % 100_000);
    WorkOrderMessage codec = new WorkOrderMessage();
    WorkOrder order = order(dealer);
    try (WorkOrderFeedSubscriber subscriber =
        WorkOrderFeedSubscriber.start(
            options("wo-feed-it-" + UUID.randomUUID()), api::applyPlanned)) {
      publish(WorkOrderTopic.of(dealer), "{\"v\":1,\"id\":\"nope\"}".getBytes(UTF_8));
      publish(WorkOrderTopic.of(dealer), codec.encode(order));
      publish(WorkOrderTopic.of(dealer), codec.encode(order));
      WorkOrder other = order(dealer);
      publish(WorkOrderTopic.of(dealer), codec.encode(other));
      await().atMost(WAIT).until(() -> count(other.id()) == 1);
      await().atMost(WAIT).until(() -> subscriber.rejected() == 1);
      assertThat(count(order.id())).isEqualTo(1);
      assertThat(subscriber.stored()).isGreaterThanOrEqualTo(2);
    }
    Map<String, Object> row =
        db.query(
                "SELECT vin, dealer_id, type, urgency, status, due_from::text AS due_from,"
                    + " predicted_date::text AS predicted, service_package, model_version,"
                    + " created_by, (evidence->>'summary') AS summary,"
                    + " (extract(epoch FROM created_at) * 1000)::bigint AS created_ms"
                    + " FROM work_order WHERE id = '"
                    + order.id()
                    + "'")
            .getFirst();
    assertThat(row)
        .containsEntry("vin", order.vin())
        .containsEntry("dealer_id", dealer)
        .containsEntry("type", "BRAKE_PADS")
        .containsEntry("urgency", "NORMAL")
        .containsEntry("status", "NEW")
        .containsEntry("due_from", "2026-11-27")
        .containsEntry("predicted", "2026-12-01")
        .containsEntry("service_package", "BRAKE-PADS-REPLACEMENT")
        .containsEntry("model_version", "interim-linear-trend-v1")
        .containsEntry("created_by", "planner")
        .containsEntry("summary", "pads 91 %")
        .containsEntry("created_ms", order.createdAt().toEpochMilli());
    // The insert was audited like every new order (the trigger that also feeds the live events).
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM work_order_audit WHERE action = 'CREATED' AND order_id = '"
                    + order.id()
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void ordersPublishedWhileTheSubscriberIsAwayArriveFromItsSession() throws Exception {
    String dealer = "IT" + (vinCounter % 100_000) + "S";
    String clientId = "wo-feed-it-session-" + UUID.randomUUID();
    WorkOrderFeedSubscriber.start(options(clientId), api::applyPlanned).close();
    WorkOrder order = order(dealer);
    publish(WorkOrderTopic.of(dealer), new WorkOrderMessage().encode(order));
    assertThat(count(order.id())).isZero();
    try (WorkOrderFeedSubscriber subscriber =
        WorkOrderFeedSubscriber.start(options(clientId), api::applyPlanned)) {
      await().atMost(WAIT).until(() -> count(order.id()) == 1);
      assertThat(subscriber.stored()).isEqualTo(1);
    }
  }

  @Test
  void aChangedOrderOnTheTopicUpdatesTheStoredOne() throws Exception {
    String dealer = "IT" + (vinCounter % 100_000) + "U";
    WorkOrderMessage codec = new WorkOrderMessage();
    WorkOrder order = order(dealer);
    WorkOrder changed =
        new WorkOrder(
            order.id(),
            order.vin(),
            dealer,
            null,
            order.kind(),
            order.type(),
            Urgency.URGENT,
            WorkOrderStatus.NEW,
            order.createdAt().plus(Duration.ofDays(2)),
            LocalDate.parse("2026-11-25"),
            LocalDate.parse("2026-11-22"),
            LocalDate.parse("2026-11-25"),
            0.95,
            "{\"signal\":\"brake.pad_wear_pct.Row1.Left\",\"summary\":\"pads 97 %\"}",
            order.modelVersion(),
            order.servicePackage(),
            null,
            null);
    try (WorkOrderFeedSubscriber subscriber =
        WorkOrderFeedSubscriber.start(
            options("wo-feed-it-upd-" + UUID.randomUUID()), api::applyPlanned)) {
      publish(WorkOrderTopic.of(dealer), codec.encode(order));
      await().atMost(WAIT).until(() -> count(order.id()) == 1);
      // Two days later the planner re-publishes it with a closer crossing.
      publish(WorkOrderTopic.of(dealer), codec.encode(changed));
      await().atMost(WAIT).until(() -> subscriber.updated() == 1);
    }
    Map<String, Object> row =
        db.query(
                "SELECT predicted_date::text AS predicted, due_from::text AS due_from,"
                    + " (evidence->>'summary') AS summary, status, version"
                    + " FROM work_order WHERE id = '"
                    + order.id()
                    + "'")
            .getFirst();
    assertThat(row)
        .containsEntry("predicted", "2026-11-25")
        .containsEntry("due_from", "2026-11-22")
        .containsEntry("summary", "pads 97 %")
        .containsEntry("status", "NEW")
        .containsEntry("version", 1);
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM work_order_audit WHERE action = 'UPDATED' AND order_id = '"
                    + order.id()
                    + "'"))
        .isEqualTo(1);
  }
}
