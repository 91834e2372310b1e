package io.fleetcare.app.demo;

import java.io.PrintWriter;
import java.time.Duration;

/** The demo's live progress: one line redrawn in a terminal, a line every 5 s in a log. */
final class ProgressLine {
  private final PrintWriter out;
  private final boolean terminal;
  private long lastPrintedS = -5;

  ProgressLine(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void show(Duration elapsed, long published, PipelineStats stats) {
    long s = elapsed.toSeconds();
    String line =
        String.format(
            "[%3ds] published %,d msgs | stored %,d msgs, %,d samples | %d vehicles | %.1f km | %.1f l | dead letters %,d",
            s,
            published,
            stats.messagesStored(),
            stats.samplesStored(),
            stats.vehicles(),
            stats.distanceKm(),
            stats.fuelL(),
            stats.deadLetters());
    if (terminal) {
      out.print("\r" + line + "   ");
      out.flush();
    } else if (s - lastPrintedS >= 5) {
      out.println(line);
      out.flush();
      lastPrintedS = s;
    }
  }

  void end() {
    if (terminal) {
      out.println();
    }
    out.flush();
  }
}
