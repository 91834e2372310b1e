package io.fleetcare.workorders.feed;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderTopic;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the planner's new and changed work orders from {@code fleet/service/+/work-orders} (QoS 1)
 * through the service ({@code WorkOrderApi::applyPlanned}), so they reach the advisor page and the
 * server-sent events (the table's trigger notifies the feed on insert and update).
 *
 * <p>A persistent session (clean start off, {@link Options#sessionExpiry()}) keeps orders published
 * while the service is down; each message is acknowledged only after it was stored, so a crash
 * between receipt and store gets it redelivered. The planner re-publishes an open order under the
 * same id when its forecast changes: the service updates the order's forecast fields (never the
 * advisor's lifecycle state, never a DONE or DISMISSED order); a duplicate or an older version (a
 * replay of the stream job, a redelivery) changes nothing. A payload that is not a valid work-order
 * message is logged and acknowledged, never retried.
 */
public final class WorkOrderFeedSubscriber implements MqttCallback, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOrderFeedSubscriber.class);

  /**
   * Options, validated at construction.
   *
   * @param brokerUrl e.g. {@code tcp://localhost:1883}
   * @param clientId the persistent session's client id; keep it stable across restarts (default
   *     {@code fleetcare-workorders-feed})
   * @param topicFilter default {@link WorkOrderTopic#ALL_DEALERS}
   * @param sessionExpiry how long the broker keeps orders for a stopped service (default 7 days)
   * @param connectionTimeout how long {@link #start} waits for the broker (default 10 s)
   */
  public record Options(
      String brokerUrl,
      String clientId,
      String topicFilter,
      Duration sessionExpiry,
      Duration connectionTimeout) {
    public Options {
      Objects.requireNonNull(brokerUrl, "brokerUrl");
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      Objects.requireNonNull(topicFilter, "topicFilter");
      if (sessionExpiry == null || sessionExpiry.isNegative()) {
        throw new IllegalArgumentException("sessionExpiry must be >= 0");
      }
      if (connectionTimeout == null
          || connectionTimeout.isNegative()
          || connectionTimeout.isZero()) {
        throw new IllegalArgumentException("connectionTimeout must be positive");
      }
    }

    /** The documented defaults for a broker. */
    public static Options defaults(String brokerUrl) {
      return new Options(
          brokerUrl,
          "fleetcare-workorders-feed",
          WorkOrderTopic.ALL_DEALERS,
          Duration.ofDays(7),
          Duration.ofSeconds(10));
    }

    /** These options with another client id. */
    public Options withClientId(String id) {
      return new Options(brokerUrl, id, topicFilter, sessionExpiry, connectionTimeout);
    }
  }

  private final Options options;
  private final Function<WorkOrder, Future<PlannedOrderResult>> store;
  private final WorkOrderMessage codec = new WorkOrderMessage();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final MqttAsyncClient client;
  private volatile boolean closed;

  private WorkOrderFeedSubscriber(
      Options options, Function<WorkOrder, Future<PlannedOrderResult>> store) throws MqttException {
    this.options = options;
    this.store = store;
    this.client =
        new MqttAsyncClient(options.brokerUrl(), options.clientId(), new MemoryPersistence());
  }

  /**
   * Connects (resuming the session), subscribes and starts storing orders; blocks until connected,
   * so call it off the event loop (e.g. in {@code executeBlocking}).
   *
   * @param store stores a new or changed order, e.g. {@code api::applyPlanned}
   * @throws MqttException when the broker cannot be reached or refuses the session
   */
  public static WorkOrderFeedSubscriber start(
      Options options, Function<WorkOrder, Future<PlannedOrderResult>> store) throws MqttException {
    WorkOrderFeedSubscriber s = new WorkOrderFeedSubscriber(options, store);
    s.client.setCallback(s);
    // Acknowledge only after the insert: an order is never lost between broker and table.
    s.client.setManualAcks(true);
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(false);
    o.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
    o.setAutomaticReconnect(true);
    o.setConnectionTimeout((int) Math.max(1, options.connectionTimeout().toSeconds()));
    try {
      s.client.connect(o).waitForCompletion(options.connectionTimeout().toMillis());
      // Plain subscription with the client callback, waited for so the caller knows it holds.
      IMqttToken sub =
          s.client.subscribe(
              new MqttSubscription[] {new MqttSubscription(options.topicFilter(), 1)});
      sub.waitForCompletion(options.connectionTimeout().toMillis());
      checkGranted(sub, options.topicFilter());
    } catch (MqttException e) {
      s.close();
      throw e;
    }
    LOG.info(
        "work-order feed subscribed to {} on {} as {}",
        options.topicFilter(),
        options.brokerUrl(),
        options.clientId());
    return s;
  }

  /** Orders stored (new ids) so far. */
  public long stored() {
    return stored.get();
  }

  /** Planner updates applied to open orders so far. */
  public long updated() {
    return updated.get();
  }

  /** Messages that were not valid work-order messages. */
  public long rejected() {
    return rejected.get();
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    int id = message.getId();
    int qos = message.getQos();
    WorkOrder order;
    try {
      order = codec.decode(topic, message.getPayload());
    } catch (WorkOrderMessage.InvalidMessage e) {
      rejected.incrementAndGet();
      LOG.warn("dropping invalid work-order message on {}: {}", topic, e.getMessage());
      ack(id, qos);
      return;
    }
    Future<PlannedOrderResult> result;
    try {
      result = store.apply(order);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(
        done -> {
          if (done.succeeded()) {
            switch (done.result()) {
              case CREATED -> stored.incrementAndGet();
              case UPDATED -> updated.incrementAndGet();
              default -> LOG.debug("work order {}: {}", order.id(), done.result());
            }
            ack(id, qos);
          } else {
            // Not acknowledged: the broker redelivers it with the session's next connection.
            LOG.warn("cannot store work order {}; left for redelivery", order.id(), done.cause());
          }
        });
  }

  private void ack(int id, int qos) {
    if (qos == 0 || closed) {
      return;
    }
    try {
      client.messageArrivedComplete(id, qos);
    } catch (MqttException e) {
      LOG.debug("cannot acknowledge message {}; the broker will redeliver it", id, e);
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    if (!reconnect || closed) {
      return;
    }
    LOG.info("work-order feed reconnected to {}", serverUri);
    // The session normally kept the subscription; if it expired meanwhile, this restores it.
    try {
      client.subscribe(
          new MqttSubscription[] {new MqttSubscription(options.topicFilter(), 1)},
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {}

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              LOG.warn("work-order feed could not subscribe again", e);
            }
          },
          new MqttProperties());
    } catch (MqttException e) {
      LOG.warn("work-order feed could not subscribe again", e);
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    if (!closed) {
      LOG.warn("work-order feed lost its connection: {}; reconnecting", response);
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("work-order feed error", exception);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}

  private static void checkGranted(IMqttToken token, String filter) throws MqttException {
    int[] codes = token.getReasonCodes();
    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
      LOG.error(
          "broker refused the subscription to {} (reason 0x{})",
          filter,
          Integer.toHexString(codes[0]));
      throw new MqttException(codes[0]);
    }
  }

  /** Disconnects, keeping the broker session (orders published meanwhile wait there). */
  @Override
  public void close() {
    closed = true;
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(5000);
      }
    } catch (MqttException e) {
      LOG.debug("work-order feed did not disconnect cleanly", e);
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("work-order feed did not close cleanly", e);
    }
  }
}
