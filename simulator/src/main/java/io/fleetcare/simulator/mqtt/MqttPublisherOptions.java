package io.fleetcare.simulator.mqtt;

import java.util.Objects;

/**
 * Options of the MQTT 5 publisher, validated at construction.
 *
 * @param serverUri broker URI, e.g. {@code tcp://127.0.0.1:1883} (default)
 * @param clientId MQTT client id (default {@code fleetcare-simulator})
 * @param qos 0 or 1 (default 1)
 * @param maxInflight most unacknowledged messages in flight, 1..65535 (default 20); capped by the
 *     broker's receive maximum (Mosquitto's default is 20)
 * @param connectTimeoutS seconds to wait for the connection, 1..300 (default 10)
 * @param closeTimeoutS seconds {@code close()} waits for outstanding acknowledgements before it
 *     gives up with an exception, 1..3600 (default 120)
 * @param username user name, or null for anonymous (default null)
 * @param password password, or null (default null)
 */
public record MqttPublisherOptions(
    String serverUri,
    String clientId,
    int qos,
    int maxInflight,
    int connectTimeoutS,
    int closeTimeoutS,
    String username,
    char[] password) {

  /** Default broker URI. */
  public static final String DEFAULT_SERVER_URI = "tcp://127.0.0.1:1883";

  public MqttPublisherOptions {
    Objects.requireNonNull(serverUri, "serverUri must not be null");
    Objects.requireNonNull(clientId, "clientId must not be null");
    if (!serverUri.matches("(tcp|ssl|ws|wss)://.+")) {
      throw new IllegalArgumentException(
          "serverUri must look like tcp://host:port (or ssl/ws/wss), was " + serverUri);
    }
    if (clientId.isEmpty() || clientId.length() > 128) {
      throw new IllegalArgumentException("clientId must have 1..128 characters");
    }
    if (qos != 0 && qos != 1) {
      throw new IllegalArgumentException("qos must be 0 or 1, was " + qos);
    }
    if (maxInflight < 1 || maxInflight > 65_535) {
      throw new IllegalArgumentException("maxInflight must be 1..65535, was " + maxInflight);
    }
    if (connectTimeoutS < 1 || connectTimeoutS > 300) {
      throw new IllegalArgumentException("connectTimeoutS must be 1..300, was " + connectTimeoutS);
    }
    if (closeTimeoutS < 1 || closeTimeoutS > 3600) {
      throw new IllegalArgumentException("closeTimeoutS must be 1..3600, was " + closeTimeoutS);
    }
    password = password == null ? null : password.clone();
  }

  /** Defaults with the given broker, client id and QoS. */
  public MqttPublisherOptions(String serverUri, String clientId, int qos) {
    this(serverUri, clientId, qos, 20, 10, 120, null, null);
  }

  /** All defaults. */
  public static MqttPublisherOptions defaults() {
    return new MqttPublisherOptions(DEFAULT_SERVER_URI, "fleetcare-simulator", 1);
  }

  @Override
  public char[] password() {
    return password == null ? null : password.clone();
  }

  @Override
  public String toString() {
    // Never print the password.
    return "MqttPublisherOptions[serverUri="
        + serverUri
        + ", clientId="
        + clientId
        + ", qos="
        + qos
        + ", maxInflight="
        + maxInflight
        + ", username="
        + username
        + "]";
  }

  /** These options with another QoS. */
  public MqttPublisherOptions withQos(int newQos) {
    return new MqttPublisherOptions(
        serverUri,
        clientId,
        newQos,
        maxInflight,
        connectTimeoutS,
        closeTimeoutS,
        username,
        password);
  }

  /** These options with another in-flight limit. */
  public MqttPublisherOptions withMaxInflight(int newMaxInflight) {
    return new MqttPublisherOptions(
        serverUri,
        clientId,
        qos,
        newMaxInflight,
        connectTimeoutS,
        closeTimeoutS,
        username,
        password);
  }

  /** These options with credentials. */
  public MqttPublisherOptions withCredentials(String newUsername, char[] newPassword) {
    return new MqttPublisherOptions(
        serverUri,
        clientId,
        qos,
        maxInflight,
        connectTimeoutS,
        closeTimeoutS,
        newUsername,
        newPassword);
  }
}
