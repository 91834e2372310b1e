package io.fleetcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's first command, {@code fleetcare demo}, on its embedded HiveMQ CE and PostgreSQL: the
 * job keeps up with the simulator to the end, with nothing rejected. (No other test runs the demo;
 * one manual run with a receive maximum of 65,535 saw HiveMQ stop delivering after ~25 s.)
 */
class DemoCommandIT {
  private static final Pattern SUMMARY =
      Pattern.compile(
          "summary: +published ([\\d,]+) messages \\(([\\d,]+) telemetry\\); stored ([\\d,]+)"
              + " telemetry messages.*; ([\\d,]+) dead letters");

  @Test
  void storesWhatTheSimulatorPublishesThroughTheEmbeddedBroker() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FleetcareCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit =
        cli.execute(
            "demo",
            "--duration",
            "40s",
            "--broker-port",
            String.valueOf(freePort()),
            "--http-port",
            String.valueOf(freePort()));

    assertThat(exit).as(out + "\n" + err).isZero();
    Matcher m = SUMMARY.matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    long telemetry = number(m.group(2));
    long stored = number(m.group(3));
    // 300 msgs/s for 40 s; what is still in flight when the demo stops is the rest (~1-2 %).
    assertThat(telemetry).isGreaterThan(5_000);
    assertThat(stored).as(out.toString()).isGreaterThanOrEqualTo(telemetry * 9 / 10);
    assertThat(number(m.group(4))).isZero();
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
