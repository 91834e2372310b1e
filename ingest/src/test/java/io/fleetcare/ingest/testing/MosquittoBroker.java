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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A private Mosquitto process on a free port, configured from the shipped {@code
 * mosquitto/fleetcare-mosquitto.conf} with the listener, persistence directory and any overrides
 * rewritten. Killed on {@link #close()}.
 */
public final class MosquittoBroker implements AutoCloseable {
  private static final String MOSQUITTO = "/usr/sbin/mosquitto";
  private static final String SHIPPED_CONFIG = "/mosquitto/fleetcare-mosquitto.conf";

  private final Process process;
  private final int port;
  private final Path log;

  private MosquittoBroker(Process process, int port, Path log) {
    this.process = process;
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
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      config = setOption(config, o.getKey(), o.getValue());
    }
    Path file = dir.resolve("mosquitto.conf");
    Files.writeString(file, config);
    Path log = dir.resolve("mosquitto.log");
    Process process =
        new ProcessBuilder(MOSQUITTO, "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MosquittoBroker broker = new MosquittoBroker(process, port, log);
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

  public int port() {
    return port;
  }

  /** The broker's log so far, for failure messages. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
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
