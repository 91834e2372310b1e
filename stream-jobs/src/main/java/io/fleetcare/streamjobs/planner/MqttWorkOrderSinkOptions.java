package io.fleetcare.streamjobs.planner;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link MqttWorkOrderSink}, validated at construction.
 *
 * @param brokerUrl e.g. {@code tcp://localhost:1883}
 * @param clientIdPrefix each writer connects as {@code <prefix>-<subtask>} (default {@code
 *     fleetcare-planner}); with a clean session: the writer itself sends again what a lost
 *     connection took
 * @param maxInFlight a writer waits for acknowledgements once this many QoS 1 publishes are
 *     unacknowledged (default 100)
 * @param ackTimeout how long a flush (every checkpoint) waits for the broker's acknowledgements,
 *     and a write for a lost connection to come back, before failing the task (default 60 s)
 */
public record MqttWorkOrderSinkOptions(
    String brokerUrl, String clientIdPrefix, int maxInFlight, Duration ackTimeout)
    implements Serializable {
  public MqttWorkOrderSinkOptions {
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    if (clientIdPrefix == null || clientIdPrefix.isBlank()) {
      throw new IllegalArgumentException("clientIdPrefix must not be blank");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
    }
    if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new IllegalArgumentException("ackTimeout must be positive, was " + ackTimeout);
    }
  }

  /** The documented defaults for a broker. */
  public static MqttWorkOrderSinkOptions defaults(String brokerUrl) {
    return new MqttWorkOrderSinkOptions(
        brokerUrl, "fleetcare-planner", 100, Duration.ofSeconds(60));
  }

  /** These options with another client id prefix. */
  public MqttWorkOrderSinkOptions withClientIdPrefix(String prefix) {
    return new MqttWorkOrderSinkOptions(brokerUrl, prefix, maxInFlight, ackTimeout);
  }
}
