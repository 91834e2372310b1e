package io.fleetcare.streamjobs.drills;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's own Mosquitto process on a free port, configured from the shipped {@code
 * mosquitto/fleetcare-mosquitto.conf} (persistence on, no in-flight or queue caps) with only the
 * listener, the persistence directory and the user rewritten. {@link #stop()} sends SIGTERM, which
 * makes Mosquitto save its database; {@link #start()} brings it back on the same port with the same
 * data.
 *
 * <p>(ingest's tests have the same helper; test classes are not shared between modules.)
 */
public final class DrillBroker implements AutoCloseable {
  private static final String MOSQUITTO = "/usr/sbin/mosquitto";
  private static final String SHIPPED_CONFIG = "/mosquitto/fleetcare-mosquitto.conf";

  private final Path config;
  private final Path log;
  private final int port;
  private Process process;

  private DrillBroker(Path config, Path log, int port) {
    this.config = config;
    this.log = log;
    this.port = port;
  }

  /** Starts the shipped configuration in {@code dir}. */
  public static DrillBroker start(Path dir) throws IOException {
    int port = freePort();
    Path data = Files.createDirectories(dir.resolve("mosquitto-data"));
    String text;
    try (InputStream in = DrillBroker.class.getResourceAsStream(SHIPPED_CONFIG)) {
      if (in == null) {
        throw new IOException(SHIPPED_CONFIG + " is not on the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    text = setOption(text, "listener", port + " 127.0.0.1");
    text = setOption(text, "persistence_location", data.toAbsolutePath() + "/");
    // Started as root, Mosquitto would switch to the user mosquitto, who cannot save the database
    // in the drill's directory.
    text = setOption(text, "user", System.getProperty("user.name"));
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(config, text);
    DrillBroker broker = new DrillBroker(config, dir.resolve("mosquitto.log"), port);
    broker.start();
    return broker;
  }

  /** Starts the process (again) and waits until it accepts connections. */
  public synchronized void start() throws IOException {
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

  /** SIGTERM (Mosquitto saves its database), then waits for the exit; returns the exit code. */
  public synchronized int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("mosquitto did not exit within 30 s of SIGTERM, see " + log);
    }
    return process.exitValue();
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
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
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\s.*)?$").matcher(config);
    String replacement = name + " " + value;
    return line.find()
        ? line.replaceFirst(Matcher.quoteReplacement(replacement))
        : config + "\n" + replacement + "\n";
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
