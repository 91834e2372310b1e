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
  private final Object connectedSignal = new Object();
  private final MqttAsyncClient client;

  /** Resends of one order across connection losses before the task fails. */
  private static final int MAX_RESENDS = 5;

  MqttWorkOrderWriter(MqttWorkOrderSinkOptions options, String clientId) throws IOException {
    this.options = options;
    this.clientId = clientId;
    try {
      client = new MqttAsyncClient(options.brokerUrl(), clientId, new MemoryPersistence());
      client.setCallback(this);
      MqttConnectionOptions o = new MqttConnectionOptions();
      // A clean session on every (re)connect: Paho 1.2.5 replaying its in-flight publishes on a
      // resumed session made Mosquitto disconnect it with a protocol error (0x82) again and
      // again; this writer sends what the lost connection took again itself.
      o.setCleanStart(true);
      o.setAutomaticReconnect(true);
      o.setConnectionTimeout((int) Math.max(1, options.ackTimeout().toSeconds()));
      client.connect(o).waitForCompletion(options.ackTimeout().toMillis());
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

  private void awaitConnected() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + options.ackTimeout().toNanos();
    synchronized (connectedSignal) {
      while (!client.isConnected()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          Throwable cause = failure.get();
          throw new IOException(
              "MQTT broker " + options.brokerUrl() + " unreachable for " + options.ackTimeout(),
              cause);
        }
        connectedSignal.wait(Math.max(1, left / 1_000_000));
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
  public void connectComplete(boolean reconnect, String serverUri) {
    if (reconnect) {
      LOG.info("work-order publisher {} reconnected to {}", clientId, serverUri);
    }
    synchronized (connectedSignal) {
      connectedSignal.notifyAll();
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    LOG.warn("work-order publisher {} lost its connection: {}; reconnecting", clientId, response);
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
