package io.fleetcare.ingest.testing;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway stand-in that survives broker restarts: publishes QoS 1 messages in windows of up to
 * {@code window} in flight, and re-sends every message of a window whose PUBACK did not arrive
 * (connection lost, broker down, timeout) on a new connection, reconnecting with exponential
 * back-off and jitter until the broker accepts it. A message counts as published once the broker
 * acknowledged it; a message whose PUBACK was lost may reach subscribers twice (at-least-once, like
 * a real gateway).
 *
 * <p>Not thread-safe: one publishing thread.
 */
public final class ResendingPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResendingPublisher.class);
  private static final long PUBACK_TIMEOUT_MS = 5_000;
  private static final long MIN_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 1_000;

  private final String serverUri;
  private final String clientId = "it-gw-" + UUID.randomUUID().toString().substring(0, 8);
  private final int window;
  private final BooleanSupplier mayPublish;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong sends = new AtomicLong();
  private final AtomicLong resends = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong failedConnects = new AtomicLong();
  private MqttAsyncClient client;

  /**
   * @param mayPublish checked after every (re)connect: publishing waits while it is false
   */
  public ResendingPublisher(String serverUri, int window, BooleanSupplier mayPublish) {
    this.serverUri = serverUri;
    this.window = window;
    this.mayPublish = mayPublish;
  }

  /** One message to publish. */
  public record Message(String topic, byte[] payload) {}

  /** Publishes all messages, each until the broker acknowledged it. */
  public void publishAll(List<Message> messages) throws InterruptedException {
    for (int from = 0; from < messages.size(); from += window) {
      List<Message> todo = messages.subList(from, Math.min(messages.size(), from + window));
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

  /** Messages the broker acknowledged (each counted once). */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** PUBLISH packets handed to the client, re-sends included. */
  public long sends() {
    return sends.get();
  }

  /** Messages sent again because their PUBACK did not arrive. */
  public long resends() {
    return resends.get();
  }

  /** Successful connections (the first one included). */
  public long connects() {
    return connects.get();
  }

  /** Connection attempts the broker did not accept (e.g. while it was down). */
  public long failedConnects() {
    return failedConnects.get();
  }

  @Override
  public void close() {
    dropClient();
  }

  /** Sends {@code todo} and returns the messages that were not acknowledged. */
  private List<Message> sendWindow(List<Message> todo) throws InterruptedException {
    ensureConnected();
    List<IMqttToken> tokens = new ArrayList<>(todo.size());
    List<Message> failed = new ArrayList<>();
    int i = 0;
    for (; i < todo.size(); i++) {
      IMqttToken token = send(todo.get(i));
      if (token == null) {
        break;
      }
      tokens.add(token);
    }
    for (int j = i; j < todo.size(); j++) {
      failed.add(todo.get(j));
    }
    for (int j = 0; j < tokens.size(); j++) {
      if (acknowledged(tokens.get(j))) {
        acknowledged.incrementAndGet();
      } else {
        failed.add(todo.get(j));
      }
    }
    if (!failed.isEmpty()) {
      LOG.info(
          "{} of {} messages not acknowledged by {}; reconnecting and sending them again",
          failed.size(),
          todo.size(),
          serverUri);
      dropClient();
    }
    return failed;
  }

  /** The publish token, or {@code null} when the connection is gone. */
  private IMqttToken send(Message m) {
    MqttMessage message = new MqttMessage(m.payload());
    message.setQos(1);
    while (true) {
      try {
        IMqttToken token = client.publish(m.topic(), message);
        sends.incrementAndGet();
        return token;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          return null;
        }
        // Paho lowers its in-flight count after completing the token: retry shortly.
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
    long backoff = MIN_BACKOFF_MS;
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
        failedConnects.incrementAndGet();
        dropClient();
        long jitter = ThreadLocalRandom.current().nextLong(backoff + 1);
        Thread.sleep(backoff + jitter);
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
      // Closing anyway.
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      // Closing anyway.
    }
  }
}
