package io.fleetcare.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mosquitto process owned by the bench: the project's shipped configuration ({@code
 * mosquitto/fleetcare-mosquitto.conf} from ingest) with the listener moved to a free port on
 * 127.0.0.1, persistence in a scratch directory, and the current user (Mosquitto started as root
 * otherwise drops to a user that cannot write there). Killed on {@link #close()}.
 */
final class MosquittoProcess implements AutoCloseable {
  private static final String SHIPPED_CONFIG = "/mosquitto/fleetcare-mosquitto.conf";

  private final Process process;
  private final int port;
  private final Path log;

  private MosquittoProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code executable} with the shipped configuration in {@code dir}. */
  static MosquittoProcess start(String executable, Path dir) throws IOException {
    int port = freePort();
    Path data = Files.createDirectories(dir.resolve("mosquitto-data"));
    String config = shippedConfig();
    config = setOption(config, "listener", port + " 127.0.0.1");
    config = setOption(config, "persistence_location", data.toAbsolutePath() + "/");
    config = setOption(config, "user", System.getProperty("user.name"));
    Path file = dir.resolve("mosquitto.conf");
    Files.writeString(file, config);
    Path log = dir.resolve("mosquitto.log");
    Process p =
        new ProcessBuilder(executable, "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MosquittoProcess broker = new MosquittoProcess(p, port, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!broker.accepts()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("mosquitto did not start; see " + log);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted while starting mosquitto", e);
      }
    }
    return broker;
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
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

  static String shippedConfig() throws IOException {
    try (InputStream in = MosquittoProcess.class.getResourceAsStream(SHIPPED_CONFIG)) {
      if (in == null) {
        throw new IOException(SHIPPED_CONFIG + " is not on the class path (ingest jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Replaces the first line setting {@code name}, or appends one. */
  static String setOption(String config, String name, String value) {
    Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\s.*)?$");
    String replacement = Matcher.quoteReplacement(name + " " + value);
    Matcher m = line.matcher(config);
    return m.find() ? m.replaceFirst(replacement) : config + "\n" + name + " " + value + "\n";
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
