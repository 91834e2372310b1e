package io.fleetcare.ingest.mqtt;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
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
 * One persistent MQTT session of a reader: a Paho client for one {@link MqttSplit}, the queue its
 * network thread fills, and the acknowledgements the reader sends back.
 *
 * <p>Acknowledgements are manual. A packet id is only meaningful on the connection that delivered
 * it: after a reconnect the broker redelivers unacknowledged messages and may reuse their ids for
 * new ones, so an acknowledgement for an earlier connection is dropped rather than sent, and the
 * broker's redelivery becomes a duplicate that downstream dedup removes.
 *
 * <p>Reconnects are the client's own, not Paho's automatic reconnect: Paho mqttv5 1.2.5 ignores the
 * minimum delay and shares one un-jittered delay across every client of the JVM. After a lost
 * connection the client retries on its own scheduler thread with exponential back-off and ±50 %
 * jitter ({@link ReconnectBackoff}), until it is connected again or closed, and then subscribes
 * again.
 */
final class MqttSessionClient implements MqttCallback {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSessionClient.class);

  /** How long the network thread waits on a full queue before checking for shutdown again. */
  private static final long OFFER_WAIT_MS = 100;

  private static final long QUIESCE_MS = 1000;

  /** Subscription option: send retained messages only for a new subscription, not on resume. */
  private static final int RETAIN_HANDLING_IF_NEW = 1;

  private final MqttSourceOptions options;
  private final MqttSplit split;
  private final Runnable onMessage;
  private final BlockingQueue<ReceivedMessage> queue;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final ReconnectBackoff backoff;
  private final ScheduledExecutorService reconnects;
  private final Object ackLock = new Object();
  private volatile long connection;
  private volatile boolean closed;
  private MqttAsyncClient client;

  /**
   * @param onMessage called on the network thread after a message was queued
   */
  MqttSessionClient(MqttSourceOptions options, MqttSplit split, Runnable onMessage) {
    this.options = options;
    this.split = split;
    this.onMessage = onMessage;
    this.queue = new ArrayBlockingQueue<>(options.maxQueuedMessages());
    this.backoff = ReconnectBackoff.of(options);
    this.reconnects =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("mqtt-reconnect-" + split.clientId()).factory());
  }

  /**
   * Connects, resuming the broker session of the split's client id, and subscribes.
   *
   * @throws MqttSourceException naming the broker and client id when the broker cannot be reached
   *     or refuses the connection (e.g. bad credentials); a refused subscription is reported by
   *     {@link #failure()} once the broker answers
   */
  void connect() {
    try {
      client = new MqttAsyncClient(options.serverUri(), split.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new MqttSourceException(
          "Invalid MQTT broker URI " + options.serverUri() + ": " + e.getMessage(), e);
    }
    client.setCallback(this);
    // The broker keeps each message in flight until the reader acknowledges it; see AckMode.
    client.setManualAcks(true);
    long timeoutMs = options.connectionTimeout().toMillis();
    try {
      IMqttToken connected = client.connect(connectionOptions());
      connected.waitForCompletion(timeoutMs);
      LOG.info(
          "MQTT client {} connected to {} (session present: {})",
          split.clientId(),
          options.serverUri(),
          connected.getSessionPresent());
    } catch (MqttException e) {
      close();
      throw new MqttSourceException(
          "Cannot connect to MQTT broker "
              + options.serverUri()
              + " as client "
              + split.clientId()
              + ": "
              + describe(e)
              + tlsHint(e),
          e);
    }
    // Not waited for: on a resumed session the broker starts sending before the SUBACK, and the
    // reader must be free to drain the queue meanwhile. A refusal fails the reader on its next
    // poll.
    subscribe();
  }

  MqttSplit split() {
    return split;
  }

  /** The next queued message, or {@code null}. */
  ReceivedMessage poll() {
    return queue.poll();
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  int queueDepth() {
    return queue.size();
  }

  /** Changes whenever the connection to the broker is lost or re-established. */
  long connection() {
    return connection;
  }

  /** A failure that must fail the job, e.g. the broker refused a subscription after reconnect. */
  Throwable failure() {
    return failure.get();
  }

  /**
   * Acknowledges a message to the broker if the connection that delivered it is still the current
   * one; otherwise the broker will redeliver it.
   *
   * @return whether the acknowledgement was sent
   */
  boolean acknowledge(int packetId, int qos, long deliveredOn) {
    synchronized (ackLock) {
      if (deliveredOn != connection || client == null || !client.isConnected()) {
        return false;
      }
      try {
        client.messageArrivedComplete(packetId, qos);
        return true;
      } catch (MqttException e) {
        LOG.debug("Could not acknowledge message {} on {}", packetId, split.clientId(), e);
        return false;
      }
    }
  }

  /** Disconnects, keeping the broker session (and its unacknowledged messages) for a restart. */
  void close() {
    closed = true;
    reconnects.shutdownNow();
    closeQuietly();
  }

  // ---- Paho callbacks, on Paho's threads ----

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    ReceivedMessage received =
        new ReceivedMessage(
            MqttRecord.of(topic, message.getPayload(), System.currentTimeMillis()),
            message.getId(),
            message.getQos(),
            connection);
    // For QoS 1 the queue never fills: it holds only unacknowledged messages, at most the receive
    // maximum. QoS 0 messages can fill it; then this network thread waits, which stops reading
    // from the socket and lets TCP push back on the broker.
    while (!queue.offer(received, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
      if (closed) {
        return;
      }
    }
    onMessage.run();
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    newConnection();
    if (!closed) {
      LOG.warn(
          "MQTT client {} lost its connection to {}: {}",
          split.clientId(),
          options.serverUri(),
          response);
      scheduleReconnect(1);
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("MQTT client {} error: {}", split.clientId(), describe(exception));
  }

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}

  // ---- internals ----

  private void subscribe() {
    try {
      client.subscribe(
          subscriptions(),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              try {
                checkGranted(token);
                LOG.info(
                    "MQTT client {} subscribed to {}",
                    split.clientId(),
                    options.subscriptionFilters());
              } catch (MqttSourceException e) {
                fail(e);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
              // A lost connection also fails the request; the reconnect subscribes again.
              LOG.warn(
                  "MQTT client {} could not subscribe to {} on {}",
                  split.clientId(),
                  options.subscriptionFilters(),
                  options.serverUri(),
                  exception);
            }
          },
          new MqttProperties());
    } catch (MqttException e) {
      LOG.warn("MQTT client {} could not send its subscription", split.clientId(), e);
    }
  }

  private void scheduleReconnect(int attempt) {
    if (closed) {
      return;
    }
    long delayMs = backoff.delayMs(attempt);
    LOG.info(
        "MQTT client {} reconnects to {} in {} ms (attempt {})",
        split.clientId(),
        options.serverUri(),
        delayMs,
        attempt);
    try {
      reconnects.schedule(() -> reconnect(attempt), delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  /** One attempt, on the reconnect thread; a failure schedules the next one. */
  private void reconnect(int attempt) {
    if (closed) {
      return;
    }
    try {
      client.connect(
          connectionOptions(),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              newConnection();
              LOG.info(
                  "MQTT client {} reconnected to {} (attempt {}, session present: {})",
                  split.clientId(),
                  options.serverUri(),
                  attempt,
                  token.getSessionPresent());
              // The session normally survives with its subscriptions; if it expired meanwhile
              // they are gone, and Mosquitto drops shared ones on restart. Subscribing again is
              // harmless either way. Never block here: this is Paho's thread.
              subscribe();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
              LOG.warn(
                  "MQTT client {} reconnect attempt {} to {} failed: {}",
                  split.clientId(),
                  attempt,
                  options.serverUri(),
                  exception instanceof MqttException e ? describe(e) : String.valueOf(exception));
              scheduleReconnect(attempt + 1);
            }
          });
    } catch (MqttException e) {
      if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_CONNECTED) {
        return;
      }
      LOG.warn(
          "MQTT client {} could not start reconnect attempt {}: {}",
          split.clientId(),
          attempt,
          describe(e));
      scheduleReconnect(attempt + 1);
    }
  }

  private void newConnection() {
    synchronized (ackLock) {
      connection++;
    }
  }

  private void fail(Throwable t) {
    failure.compareAndSet(null, t);
    onMessage.run();
  }

  private MqttConnectionOptions connectionOptions() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setServerURIs(new String[] {options.serverUri()});
    o.setCleanStart(false);
    o.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
    o.setReceiveMaximum(options.receiveMaximum());
    o.setKeepAliveInterval((int) options.keepAlive().toSeconds());
    o.setConnectionTimeout((int) options.connectionTimeout().toSeconds());
    // Our own loop reconnects (see the class comment).
    o.setAutomaticReconnect(false);
    if (MqttSourceOptions.usesTls(options.serverUri())) {
      options
          .trustedCertificatesPem()
          .ifPresent(pem -> o.setSocketFactory(TrustedCertificates.socketFactory(pem)));
    } else if (!options.serverUri().toLowerCase(Locale.ROOT).startsWith("ws")) {
      o.setSocketFactory(BufferedSocketFactory.INSTANCE);
    }
    options.username().ifPresent(o::setUserName);
    options.password().ifPresent(p -> o.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    return o;
  }

  private MqttSubscription[] subscriptions() {
    List<String> filters = options.subscriptionFilters();
    MqttSubscription[] subscriptions = new MqttSubscription[filters.size()];
    for (int i = 0; i < subscriptions.length; i++) {
      subscriptions[i] = new MqttSubscription(filters.get(i), options.qos());
      subscriptions[i].setRetainHandling(RETAIN_HANDLING_IF_NEW);
    }
    return subscriptions;
  }

  private void checkGranted(IMqttToken token) {
    int[] codes = token.getReasonCodes();
    List<String> filters = options.subscriptionFilters();
    for (int i = 0; codes != null && i < codes.length; i++) {
      if (codes[i] >= 0x80) {
        throw new MqttSourceException(
            "MQTT broker "
                + options.serverUri()
                + " refused subscription "
                + (i < filters.size() ? filters.get(i) : "#" + i)
                + " for client "
                + split.clientId()
                + " with reason code 0x"
                + Integer.toHexString(codes[i])
                + " ("
                + SubackReason.describe(codes[i])
                + ")");
      }
    }
  }

  private void closeQuietly() {
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        // Short quiesce: whatever is unacknowledged is redelivered to the next run anyway.
        c.disconnect(QUIESCE_MS).waitForCompletion(options.connectionTimeout().toMillis());
      }
    } catch (MqttException e) {
      LOG.debug("MQTT client {} did not disconnect cleanly", split.clientId(), e);
      try {
        c.disconnectForcibly(0, 1000, false);
      } catch (MqttException ignored) {
        // Closing anyway.
      }
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      LOG.debug("MQTT client {} did not close cleanly", split.clientId(), e);
    }
  }

  /**
   * A TLS handshake that fails (e.g. against a plain MQTT listener) surfaces as a bare socket or
   * SSL error: say what to check.
   */
  private String tlsHint(MqttException e) {
    if (!MqttSourceOptions.usesTls(options.serverUri())) {
      return "";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return ""; // nothing listens: not a TLS problem
      }
      if (t instanceof SSLException || t instanceof SocketException || t instanceof EOFException) {
        return "; the TLS handshake failed: check that the listener at "
            + options.serverUri()
            + " speaks TLS (not plain MQTT) and that its certificate is trusted"
            + " (trustedCertificates, or the JVM's javax.net.ssl.trustStore)";
      }
    }
    return "";
  }

  private static String describe(MqttException e) {
    String message = e.getMessage();
    Throwable cause = e.getCause();
    return (message == null ? "error" : message)
        + " (reason code "
        + e.getReasonCode()
        + (cause != null ? ", cause: " + cause : "")
        + ")";
  }
}
