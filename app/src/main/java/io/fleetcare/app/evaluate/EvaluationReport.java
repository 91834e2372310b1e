package io.fleetcare.app.evaluate;

import io.fleetcare.predictors.evaluation.ComponentScore;
import io.fleetcare.predictors.evaluation.CrossingOutcome;
import io.fleetcare.predictors.evaluation.CrossingVisibility;
import io.fleetcare.predictors.evaluation.Scorecard;
import io.fleetcare.predictors.evaluation.ScorecardFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The evaluation report: {@code report.md} (scorecards of the model and every baseline, margins),
 * {@code scorecard.json}, and two PNG plots drawn with XChart: the lead-time histogram of the
 * ordered crossings and predicted against actual crossing dates.
 */
public final class EvaluationReport {
  /** Lead-time histogram bins, days: below 0 (after the crossing) up to 40 and beyond. */
  private static final int MIN_LEAD = -5;

  private static final int MAX_LEAD = 40;

  private EvaluationReport() {}

  /** Writes the report into {@code dir}; returns the Markdown file. */
  public static Path write(
      Path dir,
      String title,
      Scorecard model,
      Map<String, Scorecard> baselines,
      String setup,
      Scorecard diagnostic,
      List<CrossingVisibility.Split> visibility)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    leadHistogram(model, dir.resolve("lead-time-histogram.png"));
    predictedVsActual(model, dir.resolve("predicted-vs-actual.png"));
    Files.writeString(dir.resolve("scorecard.json"), ScorecardFormat.json(model, baselines));

    List<Scorecard> all = new ArrayList<>();
    all.add(model);
    all.addAll(baselines.values());
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append(setup).append("\n\n");
    md.append("## Scorecards\n\n```\n").append(ScorecardFormat.table(all)).append("```\n\n");
    if (diagnostic != null) {
      md.append("## Diagnostic: the same forecasts, ordered by the reference policy\n\n");
      md.append(
          "The served model's forecasts of the same fleet turned into orders by `OrderPolicy`"
              + " (order when the median crossing is at most 11 days ahead) instead of the job's"
              + " planner. The difference is the planner's order rule, not the forecasts.\n\n");
      md.append("```\n").append(ScorecardFormat.table(List.of(diagnostic))).append("```\n\n");
    }
    if (!visibility.isEmpty()) {
      md.append("## What the messages showed\n\n");
      md.append(
          "A crossing is *visible* when the car reported an indicator of that threshold at least"
              + " 7 days before it (pad wear, cranking voltage, tyre pressure or tread depth, fuel"
              + " drift, state of health, odometer); a car without a pad-wear sensor, a tread"
              + " signal or an odometer (before its first mileage service) sends nothing that says"
              + " how far the component is from its threshold. *Visible recall* is the job's"
              + " recall over visible crossings; the *recall ceiling* is the recall the job would"
              + " have with every visible crossing ordered on time and nothing more of the"
              + " hidden ones.\n\n");
      md.append("```\n").append(CrossingVisibility.table(visibility)).append("```\n\n");
    }
    md.append("## Model against each baseline\n\n");
    md.append(
        "Difference model − baseline (recall and precision in points; date error in days,"
            + " negative = the model is closer).\n\n");
    md.append("| baseline | component | Δ recall | Δ precision | Δ median date error |\n");
    md.append("| --- | --- | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Scorecard> b : baselines.entrySet()) {
      List<ComponentScore> lines = new ArrayList<>(model.components().values());
      lines.add(model.overall());
      for (ComponentScore m : lines) {
        ComponentScore o =
            m.component().equals(model.overall().component())
                ? b.getValue().overall()
                : b.getValue().components().get(m.component());
        if (o == null) {
          continue;
        }
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                b.getKey(),
                m.component(),
                diff(100 * m.recall(), 100 * o.recall()),
                diff(100 * m.precision(), 100 * o.precision()),
                diff(m.medianDateErrorDays(), o.medianDateErrorDays())));
      }
    }
    md.append("\n## Plots\n\n");
    md.append("![lead time histogram](lead-time-histogram.png)\n\n");
    md.append(
        "Lead time = crossing − creation of the order that decided it (on time: 7–15 days).\n\n");
    md.append("![predicted vs actual](predicted-vs-actual.png)\n\n");
    md.append("Each ordered crossing: the deciding order's predicted date against the real one.\n");
    Path file = dir.resolve("report.md");
    Files.writeString(file, md.toString());
    return file;
  }

  private static String diff(double a, double b) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.1f", a - b);
  }

  private static void leadHistogram(Scorecard card, Path png) throws IOException {
    int bins = MAX_LEAD - MIN_LEAD + 2;
    List<String> labels = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    labels.add("<" + MIN_LEAD);
    for (int d = MIN_LEAD; d < MAX_LEAD; d++) {
      labels.add(Integer.toString(d));
    }
    labels.add(MAX_LEAD + "+");
    for (int i = 0; i < bins; i++) {
      counts.add(0);
    }
    for (CrossingOutcome o : card.outcomes()) {
      if (Double.isNaN(o.leadDays())) {
        continue;
      }
      int d = (int) Math.floor(o.leadDays());
      int bin = d < MIN_LEAD ? 0 : d >= MAX_LEAD ? bins - 1 : d - MIN_LEAD + 1;
      counts.set(bin, counts.get(bin) + 1);
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1000)
            .height(450)
            .title("Lead time of ordered crossings (" + card.name() + ")")
            .xAxisTitle("days from order to crossing")
            .yAxisTitle("crossings")
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.addSeries("crossings", labels, counts);
    BitmapEncoder.saveBitmap(chart, stripPng(png), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void predictedVsActual(Scorecard card, Path png) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(700)
            .height(700)
            .title("Predicted vs actual crossing date (" + card.name() + ")")
            .xAxisTitle("actual crossing, day of the run")
            .yAxisTitle("predicted crossing, day of the run")
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(5);
    LocalDate origin = null;
    for (CrossingOutcome o : card.outcomes()) {
      LocalDate d = date(o.crossing().crossedAt());
      origin = origin == null || d.isBefore(origin) ? d : origin;
    }
    java.util.Map<String, List<double[]>> points = new java.util.LinkedHashMap<>();
    double max = 1;
    for (CrossingOutcome o : card.outcomes()) {
      if (o.order() == null) {
        continue;
      }
      double x = date(o.crossing().crossedAt()).toEpochDay() - origin.toEpochDay();
      double y = o.order().predictedDate().toEpochDay() - origin.toEpochDay();
      points
          .computeIfAbsent(o.crossing().component(), k -> new ArrayList<>())
          .add(new double[] {x, y});
      max = Math.max(max, Math.max(x, y));
    }
    for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
      double[] xs = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
      double[] ys = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
      chart.addSeries(e.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
    }
    XYSeries diagonal =
        chart.addSeries("predicted = actual", new double[] {0, max}, new double[] {0, max});
    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    diagonal.setMarker(SeriesMarkers.NONE);
    BitmapEncoder.saveBitmap(chart, stripPng(png), BitmapEncoder.BitmapFormat.PNG);
  }

  private static LocalDate date(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static String stripPng(Path png) {
    String s = png.toString();
    return s.endsWith(".png") ? s.substring(0, s.length() - 4) : s;
  }
}
