package io.fleetcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train} then {@code evaluate} end to end on small fleets: a model version is written, the
 * job serves it, and the scorecard JSON has the keys for the model and every baseline.
 */
class EvaluateCommandIT {
  @Test
  void trainsAModelAndScoresTheJobsWorkOrdersOnAnotherSeed(@TempDir Path dir) throws Exception {
    Path models = dir.resolve("models");
    Run train =
        run(
            "train",
            "--seed",
            "51",
            "--vehicles",
            "8",
            "--days",
            "60",
            "--threads",
            "1",
            "--trees",
            "20",
            "--model-dir",
            models.toString());
    assertThat(train.exit).as(train.err).isZero();
    assertThat(train.out).contains("model fc-", "\"trainingDataSha256\"");
    try (var versions = Files.list(models)) {
      assertThat(versions.filter(Files::isDirectory).toList())
          .singleElement()
          .satisfies(v -> assertThat(v.resolve("model.bin")).exists());
    }

    Path report = dir.resolve("report");
    Run eval =
        run(
            "evaluate",
            "--seed",
            "52",
            "--vehicles",
            "8",
            "--days",
            "60",
            "--threads",
            "1",
            "--model-dir",
            models.toString(),
            "--json",
            "--report",
            report.toString());
    assertThat(eval.exit).as(eval.err).isZero();
    JsonNode json = new ObjectMapper().readTree(eval.out);
    assertThat(json.path("name").asText()).startsWith("job fc-");
    for (String line : new String[] {"overall", "BATTERY_12V", "MILEAGE_SERVICE"}) {
      assertThat(json.path(line).has("recall")).as(line).isTrue();
      assertThat(json.path(line).has("precision")).isTrue();
      assertThat(json.path(line).has("median_date_error_days")).isTrue();
      assertThat(json.path(line).has("p90_date_error_days")).isTrue();
    }
    assertThat(json.path("overall").path("crossings").asInt()).isPositive();
    for (String b : new String[] {"fixed_interval", "threshold_alarm", "linear_trend"}) {
      assertThat(json.path("baselines").path(b).path("overall").has("recall")).as(b).isTrue();
    }
    assertThat(Files.readString(report.resolve("report.md")))
        .contains(
            "## Scorecards",
            "## What the messages showed",
            "visible recall",
            "lead-time-histogram.png",
            "predicted-vs-actual.png");
    for (String png : new String[] {"lead-time-histogram.png", "predicted-vs-actual.png"}) {
      byte[] head = Files.readAllBytes(report.resolve(png));
      assertThat(head.length).isGreaterThan(1000);
      assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("PNG");
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FleetcareCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
