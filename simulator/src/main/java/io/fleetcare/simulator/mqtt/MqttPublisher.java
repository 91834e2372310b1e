package io.fleetcare.simulator.mqtt;

import io.fleetcare.simulator.MessageSink;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes messages to an MQTT 5 broker with Paho's asynchronous client. A semaphore keeps at most
 * {@code maxInflight} messages unacknowledged (Paho rejects publishes beyond the broker's receive
 * maximum instead of waiting), so {@link #send} blocks while the broker is behind: the simulator
 * runs exactly as fast as the broker takes messages. {@link #close} waits until every message has
 * been acknowledged (QoS 1) or written (QoS 0), then disconnects.
 */
public final class MqttPublisher implements MessageSink {
  private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);

  private final MqttPublisherOptions options;
  private final MqttAsyncClient client;
  private final Semaphore inflight;
  private final int permits;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final MqttActionListener completion =
      new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          acknowledged.incrementAndGet();
          inflight.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
          failure.compareAndSet(null, exception);
          inflight.release();
        }
      };
  private boolean closed;

  /** Connects to the broker; throws when it cannot within the connect timeout. */
  public MqttPublisher(MqttPublisherOptions options) throws MqttException {
    this.options = options;
    this.client =
        new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
    MqttConnectionOptions connect = new MqttConnectionOptions();
    connect.setCleanStart(true);
    connect.setAutomaticReconnect(false);
    connect.setConnectionTimeout(options.connectTimeoutS());
    if (options.username() != null) {
      connect.setUserName(options.username());
    }
    if (options.password() != null) {
      connect.setPassword(new String(options.password()).getBytes(StandardCharsets.UTF_8));
    }
    IMqttToken token = client.connect(connect);
    token.waitForCompletion(options.connectTimeoutS() * 1000L);
    Integer serverMax =
        token.getResponseProperties() == null
            ? null
            : token.getResponseProperties().getReceiveMaximum();
    this.permits =
        Math.max(1, Math.min(options.maxInflight(), serverMax == null ? 65_535 : serverMax));
    this.inflight = new Semaphore(permits);
    LOG.info(
        "connected to {} as {}, {} messages in flight",
        options.serverUri(),
        options.clientId(),
        permits);
  }

  @Override
  public void send(String topic, byte[] payload, boolean retained) throws Exception {
    rethrowFailure();
    inflight.acquire();
    try {
      MqttMessage message = new MqttMessage(payload);
      message.setQos(options.qos());
      message.setRetained(retained);
      client.publish(topic, message, null, completion);
    } catch (MqttException | RuntimeException e) {
      inflight.release();
      throw e;
    }
  }

  /** Messages the broker has acknowledged (QoS 1) or that were written (QoS 0) so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /**
   * Waits until every message sent has completed, then disconnects. Throws when a publish failed or
   * the acknowledgements do not arrive within the close timeout.
   */
  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!inflight.tryAcquire(permits, options.closeTimeoutS(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            (permits - inflight.availablePermits())
                + " messages still unacknowledged after "
                + options.closeTimeoutS()
                + " s");
      }
      inflight.release(permits);
      rethrowFailure();
    } finally {
      try {
        if (client.isConnected()) {
          client.disconnect().waitForCompletion(options.connectTimeoutS() * 1000L);
        }
      } finally {
        client.close();
      }
    }
  }

  private void rethrowFailure() throws Exception {
    Throwable t = failure.get();
    if (t != null) {
      throw t instanceof Exception e ? e : new IllegalStateException(t);
    }
  }
}
