package io.fleetcare.app.bench;

import java.io.PrintWriter;
import java.time.Duration;

/** Progress lines on standard error, so that {@code --json} output stays one object on stdout. */
final class Progress {
  private final PrintWriter err;
  private final long started = System.nanoTime();

  Progress(PrintWriter err) {
    this.err = err;
  }

  void say(String format, Object... args) {
    Duration t = Duration.ofNanos(System.nanoTime() - started);
    err.printf("[%3d:%02d] ", t.toMinutes(), t.toSecondsPart());
    err.printf(format, args);
    err.println();
    err.flush();
  }
}
