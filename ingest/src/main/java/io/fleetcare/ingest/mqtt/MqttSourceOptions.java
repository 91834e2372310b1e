package io.fleetcare.ingest.mqtt;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options of the {@link MqttSource}, validated at construction: a bad value fails with a message
 * naming the option and the accepted range.
 *
 * @param serverUri broker address: {@code tcp://host:port}, {@code ssl://host:port} (TLS: the
 *     server certificate must chain to {@code trustedCertificatesPem} when set, else to the JVM's
 *     default trust store, {@code javax.net.ssl.*} system properties), {@code ws://} or {@code
 *     wss://}. Required.
 * @param topicFilters MQTT topic filters to subscribe to, without any {@code $share/} prefix
 *     (default {@code fleet/+/telemetry}, {@code fleet/+/events}, {@code fleet/+/profile})
 * @param sharedGroup MQTT 5 shared-subscription group: each filter is subscribed as {@code
 *     $share/<group>/<filter>}, so the broker spreads messages over the job's readers (and over
 *     several jobs in the same group); {@code ""} subscribes to the plain filters, and then every
 *     reader receives every message (default {@code fleetcare})
 * @param clientIdPrefix MQTT client ids are {@code <prefix>-<n>} for split n; must be stable across
 *     job restarts (the broker keeps the session of a client id) and unique per job on the broker
 *     (default {@code fleetcare-ingest})
 * @param qos subscription QoS, 0 or 1 (default 1). QoS 1 gives at-least-once delivery; QoS 2 is
 *     refused because dedup by (vin, seq) downstream gives its effect more cheaply.
 * @param sessionExpiry how long the broker keeps a reader's session (subscriptions and
 *     unacknowledged messages) after it disconnects; must outlast a job restart, 1 s to ~136 years
 *     (default 1 day)
 * @param receiveMaximum most unacknowledged QoS 1 messages the broker may have in flight to one
 *     client, 1 to 65,535 (default 32,768). This is the real back-pressure. With {@link
 *     AckMode#AFTER_CHECKPOINT} every message stays in flight until the next checkpoint completes,
 *     so throughput is at most about {@code receiveMaximum x parallelism} messages per checkpoint
 *     interval (the default and the job's 5 s checkpoints at parallelism 2: ~13,000 msgs/s; the
 *     earlier default of 10,000 capped the job at 4,000 msgs/s whatever the CPU), and on HiveMQ
 *     only about {@code receiveMaximum}: it sends a client its next batch only once everything in
 *     flight to it is acknowledged, and does not hand a backlog to a shared subscriber that is
 *     idle, so often one reader gets the whole batch. A broker may also allow fewer in flight than
 *     asked for (HiveMQ CE: 50, unless embedded and raised in code), which caps throughput
 *     silently.
 * @param maxQueuedMessages capacity of the queue between a client's network thread and the reader,
 *     at least {@code receiveMaximum} (default: equal to {@code receiveMaximum}). QoS 1 messages in
 *     the queue are unacknowledged, so the queue never holds more than the receive maximum and
 *     never blocks the network thread; QoS 0 messages can fill it, and then the network thread
 *     waits (TCP back-pressure).
 * @param username user name for the broker (default none)
 * @param password password for the broker (default none); never printed by {@link #toString()}
 * @param ackMode when messages are acknowledged; must match the job's checkpointing (default {@link
 *     AckMode#AFTER_CHECKPOINT})
 * @param keepAlive MQTT keep-alive interval, 1 s to 65,535 s (default 30 s)
 * @param connectionTimeout how long to wait for the broker to accept a connection, at least 1 s
 *     (default 10 s); the job fails if the first connection of a reader is not accepted in time
 * @param reconnectMinDelay delay before the first reconnect attempt after a lost connection, at
 *     least 1 s (default 1 s); each failed attempt doubles it, up to {@code reconnectMaxDelay}.
 *     Every delay is jittered by ±50 % per client, so readers that lost the same broker do not all
 *     come back in the same instant (docs/ingest.md, "Reconnects").
 * @param reconnectMaxDelay bound on the delay between reconnect attempts before the jitter (default
 *     60 s)
 * @param trustedCertificatesPem PEM text of the certificates (usually the broker's CA) that a TLS
 *     server certificate must chain to, instead of the JVM's default trust store; only with {@code
 *     ssl://} or {@code wss://} (default none). Carried as text so that it reaches every task
 *     manager with the job; the builder reads it from a file.
 */
public record MqttSourceOptions(
    String serverUri,
    List<String> topicFilters,
    String sharedGroup,
    String clientIdPrefix,
    int qos,
    Duration sessionExpiry,
    int receiveMaximum,
    int maxQueuedMessages,
    Optional<String> username,
    Optional<String> password,
    AckMode ackMode,
    Duration keepAlive,
    Duration connectionTimeout,
    Duration reconnectMinDelay,
    Duration reconnectMaxDelay,
    Optional<String> trustedCertificatesPem)
    implements Serializable {

  /** Default subscriptions: all three vehicle topics of every vehicle. */
  public static final List<String> DEFAULT_TOPIC_FILTERS =
      List.of(
          Topic.allVehicles(TopicKind.TELEMETRY),
          Topic.allVehicles(TopicKind.EVENTS),
          Topic.allVehicles(TopicKind.PROFILE));

  public static final String DEFAULT_SHARED_GROUP = "fleetcare";
  public static final String DEFAULT_CLIENT_ID_PREFIX = "fleetcare-ingest";
  public static final int DEFAULT_QOS = 1;
  public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);

  /**
   * With acknowledgements after checkpoints it caps throughput per reader at this many messages per
   * checkpoint interval (6,500 msgs/s per reader at 5 s); on HiveMQ, where one reader may get a
   * whole batch, it bounds the batch. Half the packet-id space, not the protocol's 65,535: one demo
   * run on the embedded HiveMQ CE with 65,535 stopped delivering ("No message id available").
   */
  public static final int DEFAULT_RECEIVE_MAXIMUM = 32_768;

  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RECONNECT_MIN_DELAY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(60);

  /** MQTT encodes the session expiry interval as a 32-bit count of seconds. */
  private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;

  private static final int MAX_CLIENT_ID_PREFIX_LENGTH = 64;
  private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  public MqttSourceOptions {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(topicFilters, "topicFilters");
    Objects.requireNonNull(sharedGroup, "sharedGroup");
    Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(ackMode, "ackMode");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(reconnectMinDelay, "reconnectMinDelay");
    Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
    Objects.requireNonNull(trustedCertificatesPem, "trustedCertificatesPem");
    validateServerUri(serverUri);
    topicFilters = List.copyOf(topicFilters);
    if (topicFilters.isEmpty()) {
      throw new IllegalArgumentException("topicFilters must name at least one topic filter");
    }
    topicFilters.forEach(MqttSourceOptions::validateTopicFilter);
    if (!sharedGroup.isEmpty() && !isTopicLevel(sharedGroup)) {
      throw new IllegalArgumentException(
          "sharedGroup '" + sharedGroup + "' must not contain '/', '+', '#' or whitespace");
    }
    if (clientIdPrefix.isEmpty()
        || clientIdPrefix.length() > MAX_CLIENT_ID_PREFIX_LENGTH
        || !isTopicLevel(clientIdPrefix)) {
      throw new IllegalArgumentException(
          "clientIdPrefix '"
              + clientIdPrefix
              + "' must have 1.."
              + MAX_CLIENT_ID_PREFIX_LENGTH
              + " characters without '/', '+', '#' or whitespace");
    }
    if (qos == 2) {
      throw new IllegalArgumentException(
          "qos 2 is not supported: use qos 1 (at-least-once) and dedup by (vin, seq) downstream");
    }
    if (qos != 0 && qos != 1) {
      throw new IllegalArgumentException("qos must be 0 or 1, was " + qos);
    }
    if (sessionExpiry.toSeconds() < 1 || sessionExpiry.toSeconds() > MAX_SESSION_EXPIRY_SECONDS) {
      throw new IllegalArgumentException(
          "sessionExpiry must be between 1 s and "
              + MAX_SESSION_EXPIRY_SECONDS
              + " s (a session must survive a job restart), was "
              + sessionExpiry);
    }
    if (receiveMaximum < 1 || receiveMaximum > 65_535) {
      throw new IllegalArgumentException(
          "receiveMaximum must be between 1 and 65535 messages, was " + receiveMaximum);
    }
    if (maxQueuedMessages < receiveMaximum) {
      throw new IllegalArgumentException(
          "maxQueuedMessages ("
              + maxQueuedMessages
              + ") must be at least receiveMaximum ("
              + receiveMaximum
              + ") so that the network thread never waits for QoS 1 messages");
    }
    if (username.isEmpty() && password.isPresent()) {
      throw new IllegalArgumentException("password is set but username is not");
    }
    if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65_535) {
      throw new IllegalArgumentException(
          "keepAlive must be between 1 s and 65535 s, was " + keepAlive);
    }
    requireAtLeastOneSecond(connectionTimeout, "connectionTimeout");
    requireAtLeastOneSecond(reconnectMinDelay, "reconnectMinDelay");
    requireAtLeastOneSecond(reconnectMaxDelay, "reconnectMaxDelay");
    if (reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
      throw new IllegalArgumentException(
          "reconnectMaxDelay ("
              + reconnectMaxDelay
              + ") must not be shorter than reconnectMinDelay ("
              + reconnectMinDelay
              + ")");
    }
    if (trustedCertificatesPem.isPresent()) {
      if (!usesTls(serverUri)) {
        throw new IllegalArgumentException(
            "trusted certificates are set but serverUri '"
                + serverUri
                + "' does not use TLS: use ssl:// or wss://");
      }
      // Parsed here so that a bad file fails before the job starts, not on a task manager.
      TrustedCertificates.parse(trustedCertificatesPem.get());
    }
  }

  /** Whether the URI's scheme is {@code ssl} or {@code wss}. */
  static boolean usesTls(String serverUri) {
    String lower = serverUri.toLowerCase(Locale.ROOT);
    return lower.startsWith("ssl://") || lower.startsWith("wss://");
  }

  /** A builder with the documented defaults for the broker at {@code serverUri}. */
  public static Builder builder(String serverUri) {
    return new Builder(serverUri);
  }

  /** The filters as subscribed: with the {@code $share/<group>/} prefix when a group is set. */
  public List<String> subscriptionFilters() {
    return sharedGroup.isEmpty()
        ? topicFilters
        : topicFilters.stream().map(f -> "$share/" + sharedGroup + "/" + f).toList();
  }

  /** The MQTT client id of split {@code index}. */
  public String clientId(int index) {
    return clientIdPrefix + "-" + index;
  }

  /** Like the record's, without the password. */
  @Override
  public String toString() {
    return "MqttSourceOptions[serverUri="
        + serverUri
        + ", topicFilters="
        + topicFilters
        + ", sharedGroup="
        + sharedGroup
        + ", clientIdPrefix="
        + clientIdPrefix
        + ", qos="
        + qos
        + ", sessionExpiry="
        + sessionExpiry
        + ", receiveMaximum="
        + receiveMaximum
        + ", maxQueuedMessages="
        + maxQueuedMessages
        + ", username="
        + username.orElse("<none>")
        + ", password="
        + (password.isPresent() ? "<set>" : "<none>")
        + ", ackMode="
        + ackMode
        + ", keepAlive="
        + keepAlive
        + ", connectionTimeout="
        + connectionTimeout
        + ", reconnectMinDelay="
        + reconnectMinDelay
        + ", reconnectMaxDelay="
        + reconnectMaxDelay
        + ", trustedCertificates="
        + trustedCertificatesPem
            .map(pem -> TrustedCertificates.parse(pem).size() + " certificate(s)")
            .orElse("<JVM default>")
        + "]";
  }

  private static void validateServerUri(String serverUri) {
    URI uri;
    try {
      uri = new URI(serverUri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "serverUri '" + serverUri + "' is not a valid URI: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(
          "serverUri '"
              + serverUri
              + "' must start with tcp://, ssl://, ws:// or wss:// (e.g. tcp://localhost:1883)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("serverUri '" + serverUri + "' names no host");
    }
  }

  private static void validateTopicFilter(String filter) {
    if (filter.isEmpty()) {
      throw new IllegalArgumentException("a topic filter must not be empty");
    }
    if (filter.startsWith("$share/")) {
      throw new IllegalArgumentException(
          "topic filter '" + filter + "' must not carry $share/: set sharedGroup instead");
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      boolean wildcardMisused =
          (level.contains("+") && !level.equals("+"))
              || (level.contains("#") && (!level.equals("#") || i != levels.length - 1));
      if (wildcardMisused) {
        throw new IllegalArgumentException(
            "topic filter '"
                + filter
                + "' is invalid: '+' must fill a whole level, '#' only the last level");
      }
    }
    if (filter.chars().anyMatch(c -> c == 0)) {
      throw new IllegalArgumentException("topic filter must not contain NUL characters");
    }
  }

  private static boolean isTopicLevel(String text) {
    return text.chars()
        .noneMatch(c -> c == '/' || c == '+' || c == '#' || Character.isWhitespace(c));
  }

  private static void requireAtLeastOneSecond(Duration value, String name) {
    if (value.toSeconds() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 s, was " + value);
    }
  }

  // Optional is not Serializable, but Flink ships the source (and so these options) to its
  // task managers by Java serialization; a proxy with nullable fields travels instead.
  @Serial
  private Object writeReplace() {
    return new SerializedForm(this);
  }

  private record SerializedForm(
      String serverUri,
      List<String> topicFilters,
      String sharedGroup,
      String clientIdPrefix,
      int qos,
      Duration sessionExpiry,
      int receiveMaximum,
      int maxQueuedMessages,
      String username,
      String password,
      AckMode ackMode,
      Duration keepAlive,
      Duration connectionTimeout,
      Duration reconnectMinDelay,
      Duration reconnectMaxDelay,
      String trustedCertificatesPem)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    SerializedForm(MqttSourceOptions o) {
      this(
          o.serverUri,
          o.topicFilters,
          o.sharedGroup,
          o.clientIdPrefix,
          o.qos,
          o.sessionExpiry,
          o.receiveMaximum,
          o.maxQueuedMessages,
          o.username.orElse(null),
          o.password.orElse(null),
          o.ackMode,
          o.keepAlive,
          o.connectionTimeout,
          o.reconnectMinDelay,
          o.reconnectMaxDelay,
          o.trustedCertificatesPem.orElse(null));
    }

    @Serial
    private Object readResolve() {
      return new MqttSourceOptions(
          serverUri,
          topicFilters,
          sharedGroup,
          clientIdPrefix,
          qos,
          sessionExpiry,
          receiveMaximum,
          maxQueuedMessages,
          Optional.ofNullable(username),
          Optional.ofNullable(password),
          ackMode,
          keepAlive,
          connectionTimeout,
          reconnectMinDelay,
          reconnectMaxDelay,
          Optional.ofNullable(trustedCertificatesPem));
    }
  }

  /** Builds {@link MqttSourceOptions}; every setter documents its option on the record. */
  public static final class Builder {
    private final String serverUri;
    private List<String> topicFilters = DEFAULT_TOPIC_FILTERS;
    private String sharedGroup = DEFAULT_SHARED_GROUP;
    private String clientIdPrefix = DEFAULT_CLIENT_ID_PREFIX;
    private int qos = DEFAULT_QOS;
    private Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
    private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
    private Integer maxQueuedMessages;
    private String username;
    private String password;
    private AckMode ackMode = AckMode.AFTER_CHECKPOINT;
    private Duration keepAlive = DEFAULT_KEEP_ALIVE;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration reconnectMinDelay = DEFAULT_RECONNECT_MIN_DELAY;
    private Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;
    private String trustedCertificatesPem;

    private Builder(String serverUri) {
      this.serverUri = serverUri;
    }

    public Builder topicFilters(List<String> topicFilters) {
      this.topicFilters = topicFilters;
      return this;
    }

    public Builder topicFilters(String... topicFilters) {
      return topicFilters(List.of(topicFilters));
    }

    public Builder sharedGroup(String sharedGroup) {
      this.sharedGroup = sharedGroup;
      return this;
    }

    public Builder clientIdPrefix(String clientIdPrefix) {
      this.clientIdPrefix = clientIdPrefix;
      return this;
    }

    public Builder qos(int qos) {
      this.qos = qos;
      return this;
    }

    public Builder sessionExpiry(Duration sessionExpiry) {
      this.sessionExpiry = sessionExpiry;
      return this;
    }

    public Builder receiveMaximum(int receiveMaximum) {
      this.receiveMaximum = receiveMaximum;
      return this;
    }

    public Builder maxQueuedMessages(int maxQueuedMessages) {
      this.maxQueuedMessages = maxQueuedMessages;
      return this;
    }

    /** Sets user name and password (either may be used alone with a {@code null} password). */
    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder ackMode(AckMode ackMode) {
      this.ackMode = ackMode;
      return this;
    }

    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    public Builder connectionTimeout(Duration connectionTimeout) {
      this.connectionTimeout = connectionTimeout;
      return this;
    }

    public Builder reconnectDelay(Duration min, Duration max) {
      this.reconnectMinDelay = min;
      this.reconnectMaxDelay = max;
      return this;
    }

    /**
     * Trusts the certificates in a PEM file (e.g. the broker's CA, Mosquitto's {@code cafile}) for
     * TLS connections instead of the JVM's default trust store.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public Builder trustedCertificates(Path pemFile) {
      try {
        this.trustedCertificatesPem = Files.readString(pemFile, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read trusted certificates from " + pemFile + ": " + e, e);
      }
      return this;
    }

    /** Validates and builds the options. */
    public MqttSourceOptions build() {
      return new MqttSourceOptions(
          serverUri,
          topicFilters,
          sharedGroup,
          clientIdPrefix,
          qos,
          sessionExpiry,
          receiveMaximum,
          maxQueuedMessages == null ? receiveMaximum : maxQueuedMessages,
          Optional.ofNullable(username),
          Optional.ofNullable(password),
          ackMode,
          keepAlive,
          connectionTimeout,
          reconnectMinDelay,
          reconnectMaxDelay,
          Optional.ofNullable(trustedCertificatesPem));
    }
  }
}
