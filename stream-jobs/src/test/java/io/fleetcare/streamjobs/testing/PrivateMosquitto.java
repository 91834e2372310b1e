package io.fleetcare.streamjobs.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Mosquitto process of the test's own on a free port, configured from the configuration ingest
 * ships ({@code mosquitto/fleetcare-mosquitto.conf}: no in-flight or queue caps, so QoS 1 messages
 * held until a checkpoint are never dropped), with the listener and persistence directory
 * rewritten. A pared-down copy of ingest's test {@code MosquittoBroker}, which is not published in
 * a test jar.
 */
public final class PrivateMosquitto implements AutoCloseable {
  private static final String MOSQUITTO = "/usr/sbin/mosquitto";
  private static final String SHIPPED_CONFIG = "/mosquitto/fleetcare-mosquitto.conf";

  private final Process process;
  private final int port;
  private final Path log;

  private PrivateMosquitto(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the shipped configuration in {@code dir} and waits until it accepts connections. */
  public static PrivateMosquitto start(Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    String config;
    try (InputStream in = PrivateMosquitto.class.getResourceAsStream(SHIPPED_CONFIG)) {
      if (in == null) {
        throw new IOException(SHIPPED_CONFIG + " is not on the class path");
      }
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    config = setOption(config, "listener", port + " 127.0.0.1");
    config = setOption(config, "persistence_location", data.toAbsolutePath() + "/");
    // Started as root, Mosquitto would switch to the user mosquitto, who cannot write here.
    config = setOption(config, "user", System.getProperty("user.name"));
    Path file = dir.resolve("mosquitto.conf");
    Files.writeString(file, config);
    Path log = dir.resolve("mosquitto.log");
    Process process =
        new ProcessBuilder(MOSQUITTO, "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    PrivateMosquitto broker = new PrivateMosquitto(process, port, log);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .failFast("mosquitto exited, see " + log, () -> !process.isAlive())
        .until(broker::accepts);
    return broker;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The broker's log, for failure messages. */
  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String setOption(String config, String name, String value) {
    Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\s.*)?$");
    String replacement = name + " " + value;
    return line.matcher(config).find()
        ? line.matcher(config).replaceFirst(replacement.replace("\\", "\\\\").replace("$", "\\$"))
        : config + "\n" + replacement + "\n";
  }
}
