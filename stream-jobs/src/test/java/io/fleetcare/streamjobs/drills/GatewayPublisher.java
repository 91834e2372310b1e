package io.fleetcare.streamjobs.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The gateways' side of a drill: publishes QoS 1 messages in windows of up to {@code window} in
 * flight and, like a real gateway, sends again every message whose PUBACK did not arrive
 * (connection lost, broker down), reconnecting with back-off and jitter. A message counts as
 * published once the broker acknowledged it. One publishing thread.
 */
final class GatewayPublisher implements AutoCloseable {
  private static final long PUBACK_TIMEOUT_MS = 10_000;
  private static final long MAX_BACKOFF_MS = 1_000;

  private final String serverUri;
  private final String clientId = "drill-gw-" + UUID.randomUUID().toString().substring(0, 8);
  private final int window;
  private final BooleanSupplier mayPublish;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong resends = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private MqttAsyncClient client;

  /**
   * @param window most messages in flight
   * @param mayPublish checked before every window: publishing waits while it is false
   */
  GatewayPublisher(String serverUri, int window, BooleanSupplier mayPublish) {
    this.serverUri = serverUri;
    this.window = window;
    this.mayPublish = mayPublish;
  }

  /** Publishes every message until the broker acknowledged it. */
  void publishAll(List<DrillMessage> messages) throws InterruptedException {
    for (int from = 0; from < messages.size(); from += window) {
      List<DrillMessage> todo = messages.subList(from, Math.min(messages.size(), from + window));
      boolean first = true;
      while (!todo.isEmpty()) {
        if (!first) {
          resends.addAndGet(todo.size());
        }
        first = false;
        todo = sendWindow(todo);
      }
    }
  }

  /** Messages the broker acknowledged, each counted once. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Messages sent again because their PUBACK did not arrive. */
  long resends() {
    return resends.get();
  }

  /** Successful connections, the first one included. */
  long connects() {
    return connects.get();
  }

  @Override
  public void close() {
    dropClient();
  }

  private List<DrillMessage> sendWindow(List<DrillMessage> todo) throws InterruptedException {
    ensureConnected();
    List<IMqttToken> tokens = new ArrayList<>(todo.size());
    for (DrillMessage m : todo) {
      IMqttToken token = send(m);
      if (token == null) {
        break;
      }
      tokens.add(token);
    }
    List<DrillMessage> failed = new ArrayList<>(todo.subList(tokens.size(), todo.size()));
    for (int i = 0; i < tokens.size(); i++) {
      if (acknowledged(tokens.get(i))) {
        acknowledged.incrementAndGet();
      } else {
        failed.add(todo.get(i));
      }
    }
    if (!failed.isEmpty()) {
      dropClient();
    }
    return failed;
  }

  /** The publish token, or {@code null} when the connection is gone. */
  private IMqttToken send(DrillMessage m) {
    MqttMessage message = new MqttMessage(m.payload());
    message.setQos(1);
    message.setRetained(m.retained());
    while (true) {
      try {
        return client.publish(m.topic(), message);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          return null;
        }
        // Paho lowers its in-flight count only after completing a token: retry shortly.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  private static boolean acknowledged(IMqttToken token) {
    try {
      token.waitForCompletion(PUBACK_TIMEOUT_MS);
    } catch (MqttException e) {
      return false;
    }
    if (!token.isComplete() || token.getException() != null) {
      return false;
    }
    int[] codes = token.getReasonCodes();
    return codes == null || codes.length == 0 || codes[0] < 0x80;
  }

  private void ensureConnected() throws InterruptedException {
    long backoff = 50;
    while (client == null || !client.isConnected()) {
      dropClient();
      try {
        MqttAsyncClient c = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(2);
        client = c;
        c.connect(options).waitForCompletion(3_000);
        connects.incrementAndGet();
      } catch (MqttException e) {
        dropClient();
        Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff + 1));
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
    while (!mayPublish.getAsBoolean()) {
      Thread.sleep(20);
    }
  }

  private void dropClient() {
    MqttAsyncClient c = client;
    client = null;
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnectForcibly(0, 1_000, false);
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
