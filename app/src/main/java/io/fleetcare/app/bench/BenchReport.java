package io.fleetcare.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code bench --report DIR}: a Markdown report and its throughput–latency plot (PNG). */
final class BenchReport {
  static final String PLOT = "throughput-latency.png";

  private BenchReport() {}

  /** Writes {@code bench-report.md}, {@value #PLOT} and {@code bench.json} into {@code dir}. */
  static Path write(BenchSummary s, Path dir, String contentionNote) throws IOException {
    Files.createDirectories(dir);
    plot(s, dir.resolve(PLOT));
    Files.writeString(dir.resolve("bench.json"), BenchJson.render(s) + "\n");
    Path md = dir.resolve("bench-report.md");
    Files.writeString(md, markdown(s, contentionNote));
    return md;
  }

  static void plot(BenchSummary s, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(520)
            .title("Fleetcare pipeline: publish -> telemetry row latency by throughput")
            .xAxisTitle("offered load: published telemetry messages per second (10 samples each)")
            .yAxisTitle("latency, ms")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    List<Double> x = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    // By offered load, so a failed step (whose output fell) does not fold the curve back.
    List<StepResult> byLoad =
        s.pipeline().steps().stream()
            .sorted(java.util.Comparator.comparingDouble(r -> r.measurement().inputPerS()))
            .toList();
    for (StepResult r : byLoad) {
      if (!r.publishToRow().isEmpty()) {
        x.add(r.measurement().inputPerS());
        p50.add(Math.max(1, r.publishToRow().p50Ms()));
        p99.add(Math.max(1, r.publishToRow().p99Ms()));
      }
    }
    if (!x.isEmpty()) {
      XYSeries a = chart.addSeries("p50 (ladder steps)", x, p50);
      a.setMarker(SeriesMarkers.CIRCLE);
      XYSeries b = chart.addSeries("p99 (ladder steps)", x, p99);
      b.setMarker(SeriesMarkers.DIAMOND);
    }
    PipelineStage.Latency lat = s.pipeline().latency();
    if (lat != null && !lat.publishToRow().isEmpty()) {
      XYSeries c =
          chart.addSeries(
              "p99 at 70 % of sustained",
              List.of(lat.measurement().inputPerS()),
              List.of(Math.max(1, lat.publishToRow().p99Ms())));
      c.setMarker(SeriesMarkers.SQUARE);
      c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    if (x.isEmpty() && lat == null) {
      chart.addSeries("no pipeline step measured", List.of(0.0), List.of(1.0));
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  static String markdown(BenchSummary s, String contentionNote) {
    StringBuilder b = new StringBuilder();
    PipelineStage.Result p = s.pipeline();
    PipelineStage.Latency lat = p.latency();
    b.append("# Fleetcare bench report (").append(s.mode()).append(")\n\n");
    if (!contentionNote.isBlank()) {
      b.append("> **").append(contentionNote).append("**\n\n");
    }
    b.append("Run ")
        .append(s.startedAt())
        .append(" on ")
        .append(s.machine().cores())
        .append(" cores (")
        .append(s.machine().cpuModel())
        .append("), ")
        .append(s.machine().memoryBytes() / (1L << 30))
        .append(" GiB, ")
        .append(s.machine().os())
        .append(", ")
        .append(s.machine().jvm())
        .append(". Broker, Flink job, work-order service, PostgreSQL and the load generator all on")
        .append(" this machine. Fleet of ")
        .append(s.settings().vehicles())
        .append(" vehicles, ")
        .append(BenchFleet.SAMPLES_PER_MESSAGE)
        .append(" samples (8 signals each) per message; checkpoints every ")
        .append(s.settings().checkpointInterval().toMillis())
        .append(" ms. How each figure is measured: docs/benchmarks/README.md.\n\n");
    b.append("## Headline\n\n| figure | value | issue #8 target |\n| --- | --- | --- |\n");
    row(b, "sustained pipeline rate", fmt(p.sustainedPerS(), "msgs/s"), ">= 25,000 msgs/s");
    row(
        b,
        "… in data points (samples)",
        fmt(p.sustainedPerS() * BenchFleet.SAMPLES_PER_MESSAGE, "/s"),
        ">= 250,000/s");
    row(b, "broker alone (QoS 1)", fmt(s.broker().sustainedPerS(), "msgs/s"), "");
    row(b, "pipeline / broker alone", ratio(s.pipelineOverBroker()), ">= 0.5");
    row(b, "DB sink, telemetry rows at sustained rate", fmt(p.dbSinkRowsPerS(), "rows/s"), "");
    row(b, "DB sink, all job tables", fmt(p.dbSinkAllTablesRowsPerS(), "rows/s"), "");
    row(
        b,
        "raw COPY of the same rows",
        fmt(s.copy().rowsPerS(), "rows/s")
            + String.format(" (%.1f MB/s, %,d rows)", s.copy().megabytesPerS(), s.copy().rows()),
        "");
    row(b, "DB sink / raw COPY", ratio(s.sinkOverCopy()), "");
    if (lat != null) {
      row(
          b,
          String.format(
              "publish → telemetry row at %,.0f msgs/s (p50 / p99 / p99.9)", lat.targetPerS()),
          pct(lat.publishToRow()),
          "p99 <= 250 ms");
      row(
          b,
          "DTC_SET publish → work order on SSE (p50 / p99 / p99.9)",
          pct(lat.dtcToSse()),
          "p99 <= 1 s");
    } else {
      row(b, "latency at 70 %", "not measured: no step was sustained", "");
    }
    row(
        b,
        "keyed state per vehicle",
        Double.isNaN(p.stateBytesPerVehicle())
            ? "no checkpoint completed"
            : String.format(
                "%,.0f bytes (checkpoint %d: %,d bytes / %,d vehicles)",
                p.stateBytesPerVehicle(),
                p.checkpoint().id(),
                p.checkpoint().stateBytes(),
                p.vehiclesInState()),
        "<= 4 KB");
    StepResult at = s.sustainedStep();
    if (at != null) {
      ResourceMeter.Usage u = at.usage();
      row(
          b,
          "CPU at sustained rate (cores)",
          String.format(
              "JVM %.2f (of which load generator %.2f), Mosquitto %.2f, PostgreSQL %.2f (all"
                  + " databases), machine busy %.2f of %d",
              u.jvmCores(),
              at.generatorCores(),
              u.mosquittoCores(),
              u.postgresCores(),
              u.machineBusyCores(),
              s.machine().cores()),
          "");
      row(b, "heap used at sustained rate", String.format("%,d MB", u.heapUsedBytes() >> 20), "");
    }
    b.append("\n![throughput-latency](").append(PLOT).append(")\n\n");
    b.append("## Broker alone\n\n");
    steps(b, s.broker().steps(), false);
    b.append("\n## Pipeline ladder\n\n");
    steps(b, p.steps(), true);
    if (!p.note().isEmpty()) {
      b.append("\n").append(p.note()).append("\n");
    }
    if (p.checkpoint() != null) {
      b.append("\n## Keyed state by operator chain (checkpoint ")
          .append(p.checkpoint().id())
          .append(")\n\n| operator chain | bytes | per vehicle |\n| --- | ---: | ---: |\n");
      for (Map.Entry<String, Long> e : p.checkpoint().bytesByOperator().entrySet()) {
        b.append("| ")
            .append(e.getKey().replace("|", "/"))
            .append(" | ")
            .append(String.format("%,d", e.getValue()))
            .append(" | ")
            .append(String.format("%,.0f", (double) e.getValue() / p.vehiclesInState()))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  private static void steps(StringBuilder b, List<StepResult> steps, boolean latency) {
    b.append("| offered | published | done | backlog at end | ")
        .append(latency ? "publish→row p50 / p99 ms | " : "")
        .append(
            "JVM / Mosquitto / PostgreSQL / machine cores | verdict |\n| ---: | ---: | ---: | ---: | ")
        .append(latency ? "---: | " : "")
        .append("--- | --- |\n");
    for (StepResult r : steps) {
      StepMeasurement m = r.measurement();
      ResourceMeter.Usage u = r.usage();
      b.append(
          String.format(
              "| %,.0f | %,.0f | %,.0f | %.1f s | ",
              m.targetPerS(), m.inputPerS(), m.outputPerS(), m.lagEndS()));
      if (latency) {
        b.append(
            String.format("%.0f / %.0f | ", r.publishToRow().p50Ms(), r.publishToRow().p99Ms()));
      }
      b.append(
              String.format(
                  "%.2f / %.2f / %.2f / %.2f | ",
                  u.jvmCores(), u.mosquittoCores(), u.postgresCores(), u.machineBusyCores()))
          .append(r.verdict().reason())
          .append(" |\n");
    }
  }

  private static void row(StringBuilder b, String name, String value, String target) {
    b.append("| ")
        .append(name)
        .append(" | ")
        .append(value)
        .append(" | ")
        .append(target)
        .append(" |\n");
  }

  private static String fmt(double v, String unit) {
    return Double.isNaN(v) ? "n/a" : String.format("%,.0f %s", v, unit);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format("%.2f", v);
  }

  private static String pct(Percentiles p) {
    return p.isEmpty()
        ? "no observations"
        : String.format(
            "%.0f / %.0f / %.0f ms (%,d observations)",
            p.p50Ms(), p.p99Ms(), p.p999Ms(), p.count());
  }
}
