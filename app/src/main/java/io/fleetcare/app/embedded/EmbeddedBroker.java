package io.fleetcare.app.embedded;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * HiveMQ Community Edition running inside this process on 127.0.0.1, for the demo. It listens on
 * its own port (default 18830) so it never clashes with a system broker on 1883, and its queues and
 * in-flight window are sized for a stream acknowledged only at checkpoints.
 */
public final class EmbeddedBroker implements AutoCloseable {
  /**
   * Most unacknowledged QoS 1/2 messages the broker may have in flight to one client: the largest
   * Receive Maximum MQTT 5 allows, so each client's own Receive Maximum is what limits it.
   *
   * <p>HiveMQ CE otherwise caps every client at 50 in-flight messages whatever Receive Maximum the
   * client announces ({@code InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES}; config.xml
   * has no setting for it). It also sends a client the next batch only once every message in flight
   * to it is acknowledged. A reader that acknowledges at checkpoints thus got at most 50 messages
   * per checkpoint, and the demo's ingest fell ever further behind the fleet.
   */
  static final int MAX_INFLIGHT_WINDOW = 65_535;

  private final EmbeddedHiveMQ hivemq;
  private final Path home;
  private final int port;

  private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path home, int port) {
    this.hivemq = hivemq;
    this.home = home;
    this.port = port;
  }

  /** Starts a broker on {@code port} with its files in a new temporary folder. */
  public static EmbeddedBroker start(int port) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("fleetcare-hivemq-");
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(conf.resolve("config.xml"), config(port));
    // A process-wide setting of HiveMQ, read whenever it sends to a client; set before it starts.
    InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = MAX_INFLIGHT_WINDOW;
    EmbeddedHiveMQ hivemq =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(conf)
            .withDataFolder(Files.createDirectories(home.resolve("data")))
            .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
            .withoutLoggingBootstrap()
            .build();
    try {
      hivemq.start().get();
    } catch (ExecutionException e) {
      throw new IOException(
          "embedded HiveMQ did not start on port " + port + ": " + e.getCause(), e);
    }
    return new EmbeddedBroker(hivemq, home, port);
  }

  private static String config(int port) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>1000000</max-queue-size>
              <strategy>discard-oldest</strategy>
            </queued-messages>
            <receive-maximum>
              <server-receive-maximum>65535</server-receive-maximum>
            </receive-maximum>
          </mqtt>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(port);
  }

  /** The broker's URL, e.g. {@code tcp://127.0.0.1:18830}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    try {
      hivemq.stop().get();
      hivemq.close();
    } finally {
      deleteRecursively(home);
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
