package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJsonTest {
  private static final ResourceMeter.Usage USAGE =
      new ResourceMeter.Usage(1.2, 0.1, 0.3, 1.9, 512L << 20);

  static BenchSummary summary() {
    StepResult brokerStep =
        new StepResult(
            new StepMeasurement(8_000, 5, 40_000, 40_000, 0, 0),
            new SustainedRule.Verdict(true, "sustained"),
            USAGE,
            0.2,
            Percentiles.EMPTY);
    StepResult ok =
        new StepResult(
            new StepMeasurement(2_000, 15, 30_000, 29_950, 2_000, 2_050),
            new SustainedRule.Verdict(true, "sustained"),
            USAGE,
            0.1,
            Percentiles.of(new double[] {100, 200, 300}));
    StepResult failed =
        new StepResult(
            new StepMeasurement(4_000, 15, 60_000, 40_000, 2_000, 22_000),
            new SustainedRule.Verdict(false, "output below input"),
            USAGE,
            0.2,
            Percentiles.of(new double[] {900, 5_000}));
    PipelineStage.Latency latency =
        new PipelineStage.Latency(
            1_400,
            new StepMeasurement(1_400, 20, 28_000, 28_000, 1_000, 1_000),
            Percentiles.of(new double[] {120, 150, 240}),
            Percentiles.of(new double[] {400, 700}),
            2,
            USAGE);
    PipelineStage.Result pipeline =
        new PipelineStage.Result(
            List.of(ok, failed),
            2_000,
            1_996.7,
            4_100,
            latency,
            new FlinkCheckpointStats.Checkpoint(12, 3_000_000, Map.of("decode -> ...", 2_500_000L)),
            1_000,
            "");
    return new BenchSummary(
        Instant.parse("2026-11-23T14:00:00Z"),
        "quick",
        BenchSettings.quick().withCheckpointInterval(Duration.ofSeconds(1)),
        new MachineInfo("test cpu", 2, 8L << 30, "Linux", "JVM"),
        new BrokerStage.Result(List.of(brokerStep), 8_000),
        new CopyStage.Result(30_000, 60_000_000, 2.0),
        pipeline);
  }

  @Test
  void headlineFiguresAreTopLevelNumbers() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BenchJson.render(summary()));
    assertThat(json.isObject()).isTrue();
    for (String key :
        List.of(
            "sustained_msgs_per_s",
            "broker_only_msgs_per_s",
            "db_sink_rows_per_s",
            "raw_copy_rows_per_s",
            "p99_publish_to_signal_ms",
            "p99_dtc_to_sse_ms",
            "state_bytes_per_vehicle")) {
      assertThat(json.get(key)).as(key).isNotNull();
      assertThat(json.get(key).isNumber()).as(key).isTrue();
    }
    assertThat(json.get("sustained_msgs_per_s").asDouble()).isEqualTo(2_000);
    assertThat(json.get("raw_copy_rows_per_s").asDouble()).isEqualTo(15_000);
    assertThat(json.get("p99_publish_to_signal_ms").asDouble()).isEqualTo(240);
    assertThat(json.get("p99_dtc_to_sse_ms").asDouble()).isEqualTo(700);
    assertThat(json.get("state_bytes_per_vehicle").asDouble()).isEqualTo(3_000);
    assertThat(json.get("pipeline_over_broker").asDouble()).isEqualTo(0.25);
    assertThat(json.get("pipeline_steps")).hasSize(2);
    assertThat(json.get("pipeline_steps").get(1).get("sustained").asBoolean()).isFalse();
  }

  @Test
  void figuresNotMeasuredAreNullNotNaN() throws Exception {
    BenchSummary s = summary();
    PipelineStage.Result p = s.pipeline();
    BenchSummary nothing =
        new BenchSummary(
            s.startedAt(),
            s.mode(),
            s.settings(),
            s.machine(),
            s.broker(),
            s.copy(),
            new PipelineStage.Result(List.of(), 0, 0, 0, null, null, 0, "no step"));
    JsonNode json = new ObjectMapper().readTree(BenchJson.render(nothing));
    assertThat(json.get("p99_publish_to_signal_ms").isNull()).isTrue();
    assertThat(json.get("state_bytes_per_vehicle").isNull()).isTrue();
    assertThat(json.get("note").asText()).isEqualTo("no step");
    assertThat(p.steps()).isNotEmpty();
  }

  @Test
  void reportHasTheHeadlineTableAndThePlot(@TempDir Path dir) throws Exception {
    Path md = BenchReport.write(summary(), dir, "contended run");
    String text = Files.readString(md);
    assertThat(text).contains("contended run", "| sustained pipeline rate | 2,000 msgs/s |");
    assertThat(dir.resolve(BenchReport.PLOT)).isNotEmptyFile();
    assertThat(Files.readAllBytes(dir.resolve(BenchReport.PLOT)))
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
