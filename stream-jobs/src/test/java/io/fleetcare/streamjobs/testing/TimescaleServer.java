package io.fleetcare.streamjobs.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real TimescaleDB extension (2.23, in PGlite behind a PostgreSQL socket) started from {@code
 * tools/pglite} for one test class. PGlite serves one connection at a time and speaks only the
 * simple query protocol, hence the URL's {@code preferQueryMode=simple}.
 */
public final class TimescaleServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String version;

  private TimescaleServer(Process process, int port, String version) {
    this.process = process;
    this.port = port;
    this.version = version;
  }

  /** Starts the server; fails with instructions when {@code tools/pglite} is not installed. */
  public static TimescaleServer start() throws Exception {
    Path dir = locateTools();
    if (!Files.isDirectory(dir.resolve("node_modules/@electric-sql/pglite-socket"))) {
      throw new IllegalStateException(
          "PGlite is not installed: run `npm ci` in " + dir + " (.ci/run does this)");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process process =
        new ProcessBuilder("node", "server.mjs", Integer.toString(port))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  if (line.startsWith("READY ")) {
                    return line;
                  }
                }
                return "exited";
              } catch (IOException e) {
                return "exited: " + e;
              }
            });
    String line = ready.get(120, TimeUnit.SECONDS);
    if (!line.startsWith("READY ")) {
      process.destroyForcibly();
      throw new IllegalStateException("PGlite did not start: " + line);
    }
    // Keep draining its output so the pipe never blocks it.
    CompletableFuture.runAsync(
        () -> {
          try {
            while (out.readLine() != null) {}
          } catch (IOException ignored) {
            // the process is gone
          }
        });
    return new TimescaleServer(process, port, line.substring(line.lastIndexOf(' ') + 1));
  }

  private static Path locateTools() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("tools/pglite");
      if (Files.isRegularFile(candidate.resolve("server.mjs"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "tools/pglite/server.mjs not found above " + Path.of("").toAbsolutePath());
  }

  /** JDBC URL for pgjdbc in simple-query mode. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/postgres?user=postgres&password=postgres&sslmode=disable&preferQueryMode=simple";
  }

  /** The timescaledb extension version it runs. */
  public String timescaleVersion() {
    return version;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
