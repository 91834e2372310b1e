package io.fleetcare.ingest.testing;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A private Mosquitto process on a free port, configured from the shipped {@code
 * mosquitto/fleetcare-mosquitto.conf} with the listener, persistence directory and any overrides
 * rewritten. It can be stopped (SIGTERM, which makes Mosquitto save its persistence database) and
 * started again on the same port with the same configuration and data. Killed on {@link #close()}.
 *
 * <p>Mosquitto started as root drops privileges to the user {@code mosquitto} unless the option
 * {@code user} says otherwise, and that user cannot write to a test's temporary directory: the
 * database would silently not be saved. The configuration therefore names the user running the
 * tests ({@code user root} keeps root; Mosquitto ignores the option when not started as root).
 */
public final class MosquittoBroker implements AutoCloseable {
  private static final String MOSQUITTO = "/usr/sbin/mosquitto";
  private static final String SHIPPED_CONFIG = "/mosquitto/fleetcare-mosquitto.conf";

  private final Path config;
  private final Path data;
  private final int port;
  private final Path log;
  private Process process;

  private MosquittoBroker(Path config, Path data, int port, Path log) {
    this.config = config;
    this.data = data;
    this.port = port;
    this.log = log;
  }

  /** Starts the shipped configuration. */
  public static MosquittoBroker start(Path dir) throws IOException {
    return start(dir, Map.of());
  }

  /**
   * Starts the shipped configuration with {@code overrides} (option name to value) replacing or
   * adding options.
   */
  public static MosquittoBroker start(Path dir, Map<String, String> overrides) throws IOException {
    int port = freePort();
    Path data = Files.createDirectories(dir.resolve("data"));
    String config = shippedConfig();
    config = setOption(config, "listener", port + " 127.0.0.1");
    config = setOption(config, "persistence_location", data.toAbsolutePath() + "/");
    config = setOption(config, "user", System.getProperty("user.name"));
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      config = setOption(config, o.getKey(), o.getValue());
    }
    Path file = dir.resolve("mosquitto.conf");
    Files.writeString(file, config);
    Path log = dir.resolve("mosquitto.log");
    Files.deleteIfExists(log);
    MosquittoBroker broker = new MosquittoBroker(file, data, port, log);
    broker.start();
    return broker;
  }

  /**
   * Starts the broker process (again) on its port, with its configuration and persistence
   * directory, and waits until it accepts connections. The log is appended to.
   */
  public synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("mosquitto is already running on port " + port);
    }
    Process started =
        new ProcessBuilder(MOSQUITTO, "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    process = started;
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .failFast("mosquitto exited, see " + log, () -> !started.isAlive())
        .until(this::accepts);
  }

  /**
   * Stops the broker with SIGTERM and waits for the process to exit; Mosquitto saves its
   * persistence database on the way out.
   *
   * @return the exit code
   */
  public synchronized int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("mosquitto did not exit within 30 s of SIGTERM, see " + log);
    }
    return process.exitValue();
  }

  /** The persistence database Mosquitto writes (on shutdown and every autosave interval). */
  public Path persistenceFile() {
    return data.resolve("mosquitto.db");
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The broker's log so far, for failure messages. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
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

  private static String shippedConfig() throws IOException {
    try (InputStream in = MosquittoBroker.class.getResourceAsStream(SHIPPED_CONFIG)) {
      if (in == null) {
        throw new IOException(SHIPPED_CONFIG + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String setOption(String config, String name, String value) {
    Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\s.*)?$");
    String replacement = name + " " + value;
    return line.matcher(config).find()
        ? line.matcher(config).replaceFirst(replacement.replace("\\", "\\\\").replace("$", "\\$"))
        : config + "\n" + replacement + "\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Lines of the log, for debugging in assertions. */
  public String logTail(int lines) throws IOException {
    var all = Files.readAllLines(log);
    return all.stream().skip(Math.max(0, all.size() - lines)).collect(Collectors.joining("\n"));
  }
}
