package io.fleetcare.streamjobs.planner;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderMessage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer of {@link MqttWorkOrderSink}: publishes each order (QoS 1) and keeps the tokens of
 * unacknowledged publishes; {@link #flush} waits for all of them. A publish the lost connection
 * took with it is sent again once Paho has reconnected (the service ignores a repeated version); a
 * publish the broker refuses, or one not acknowledged within the timeout, fails the task, and Flink
 * replays from the last checkpoint.
 */
final class MqttWorkOrderWriter
    implements org.apache.flink.api.connector.sink2.SinkWriter<WorkOrder>, MqttCallback {
  private static final Logger LOG = LoggerFactory.getLogger(MqttWorkOrderWriter.class);

  private final MqttWorkOrderSinkOptions options;
  private final String clientId;
  private final WorkOrderMessage codec = new WorkOrderMessage();
  private final Deque<Publish> pending = new ArrayDeque<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final MqttAsyncClient client;
  private final MqttConnectionOptions connectOptions;

  /** Resends of one order across connection losses before the task fails. */
  private static final int MAX_RESENDS = 5;

  MqttWorkOrderWriter(MqttWorkOrderSinkOptions options, String clientId) throws IOException {
    this.options = options;
    this.clientId = clientId;
    try {
      client = new MqttAsyncClient(options.brokerUrl(), clientId, new MemoryPersistence());
      client.setCallback(this);
      connectOptions = new MqttConnectionOptions();
      // A clean session on every (re)connect: Paho 1.2.5 replaying its in-flight publishes on a
      // resumed session made Mosquitto disconnect it with a protocol error (0x82) again and
      // again; this writer sends what the lost connection took again itself.
      connectOptions.setCleanStart(true);
      // The writer reconnects itself, when it next needs the connection: Paho's background
      // reconnect outlived a closed writer after a task failover, and the old and the new writer
      // (same client id) then kicked each other off the broker every second.
      connectOptions.setAutomaticReconnect(false);
      connectOptions.setConnectionTimeout((int) Math.max(1, options.ackTimeout().toSeconds()));
      client.connect(connectOptions).waitForCompletion(options.ackTimeout().toMillis());
    } catch (MqttException e) {
      throw new IOException(
          "cannot connect to MQTT broker " + options.brokerUrl() + " as " + clientId + ": " + e, e);
    }
  }

  @Override
  public void write(WorkOrder order, Context context) throws IOException, InterruptedException {
    dropAcknowledged();
    while (pending.size() >= options.maxInFlight()) {
      await(pending.removeFirst());
    }
    MqttMessage message = new MqttMessage(codec.encode(order));
    message.setQos(1);
    String topic = WorkOrderMessage.topicOf(order);
    pending.addLast(new Publish(topic, message, publish(topic, message)));
  }

  /** One order on its way: what to send again if the connection is lost before the PUBACK. */
  private record Publish(String topic, MqttMessage message, IMqttToken token) {}

  private IMqttToken publish(String topic, MqttMessage message)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      awaitConnected();
      try {
        return client.publish(topic, message);
      } catch (MqttException e) {
        // The connection can go between the check and the send; wait for the reconnect.
        if (!lostWithConnection(e) || attempt > MAX_RESENDS) {
          throw new IOException("cannot publish a work order on " + topic, e);
        }
        Thread.sleep(100);
      }
    }
  }

  /** Every checkpoint (and end of input): everything published so far must be acknowledged. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
  }

  private void dropAcknowledged() throws IOException, InterruptedException {
    while (!pending.isEmpty() && pending.peekFirst().token().isComplete()) {
      await(pending.removeFirst());
    }
  }

  private void await(Publish publish) throws IOException, InterruptedException {
    IMqttToken token = publish.token();
    for (int attempt = 1; ; attempt++) {
      try {
        token.waitForCompletion(options.ackTimeout().toMillis());
      } catch (MqttException e) {
        if (!lostWithConnection(e) || attempt > MAX_RESENDS) {
          throw new IOException(
              "work order not acknowledged by "
                  + options.brokerUrl()
                  + " within "
                  + options.ackTimeout(),
              e);
        }
        LOG.info("work-order publisher {} sends again an order the lost connection took", clientId);
        token = publish(publish.topic(), publish.message());
        continue;
      }
      check(token);
      return;
    }
  }

  /** A publish that failed only because the connection went away: sending it again is safe. */
  private static boolean lostWithConnection(MqttException e) {
    int code = e.getReasonCode();
    return code == MqttClientException.REASON_CODE_CONNECTION_LOST
        || code == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
        || code == MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
        || code == MqttClientException.REASON_CODE_CLIENT_CLOSED;
  }

  private static void check(IMqttToken token) throws IOException {
    if (token.getException() != null) {
      throw new IOException("work order publish failed", token.getException());
    }
    int[] codes = token.getReasonCodes();
    if (codes != null) {
      for (int code : codes) {
        // 0x10 "no matching subscribers" is a success for a publisher.
        if (code >= 0x80) {
          throw new IOException(
              "broker refused a work order, reason code 0x" + Integer.toHexString(code));
        }
      }
    }
  }

  /** Reconnects (every 500 ms) until connected or the ack timeout has passed. */
  private void awaitConnected() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + options.ackTimeout().toNanos();
    while (!client.isConnected()) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        throw new IOException(
            "MQTT broker " + options.brokerUrl() + " unreachable for " + options.ackTimeout(),
            failure.get());
      }
      try {
        client.connect(connectOptions).waitForCompletion(leftMs);
        LOG.info("work-order publisher {} reconnected to {}", clientId, options.brokerUrl());
      } catch (MqttException e) {
        if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_CONNECTED) {
          return;
        }
        failure.set(e);
        Thread.sleep(Math.min(500, Math.max(1, leftMs)));
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(5000);
      }
    } catch (MqttException e) {
      LOG.debug("MQTT client {} did not disconnect cleanly", clientId, e);
    } finally {
      client.close(true);
    }
  }

  // ---- Paho callbacks (Paho's threads) ----

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    LOG.warn(
        "work-order publisher {} lost its connection: {}; reconnects when it next publishes",
        clientId,
        response);
    failure.set(response.getException());
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("work-order publisher {} error", clientId, exception);
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {}

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
