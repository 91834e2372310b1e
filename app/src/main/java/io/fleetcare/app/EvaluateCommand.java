package io.fleetcare.app;

import io.fleetcare.app.evaluate.EvaluationReport;
import io.fleetcare.app.evaluate.FleetScoring;
import io.fleetcare.app.evaluate.JobRun;
import io.fleetcare.app.evaluate.SimulatedFleetRun;
import io.fleetcare.predictors.evaluation.CrossingVisibility;
import io.fleetcare.predictors.evaluation.EvaluationOptions;
import io.fleetcare.predictors.evaluation.GroundTruth;
import io.fleetcare.predictors.evaluation.GroundTruthReader;
import io.fleetcare.predictors.evaluation.OrderPolicy;
import io.fleetcare.predictors.evaluation.OrderReader;
import io.fleetcare.predictors.evaluation.PredictedOrder;
import io.fleetcare.predictors.evaluation.Scorecard;
import io.fleetcare.predictors.evaluation.ScorecardEvaluator;
import io.fleetcare.predictors.evaluation.ScorecardFormat;
import io.fleetcare.predictors.model.Forecast;
import io.fleetcare.streamjobs.predict.ForecastModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcare evaluate}: the scorecard of forecasts or work orders against ground truth. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score work orders or forecasts against simulator ground truth: recall (orders 7-15 days"
          + " ahead), precision, date error; per component and overall, with the baselines.",
      "Files: --ground-truth FILE (--work-orders FILE | --forecasts FILE) [--messages FILE for"
          + " the baselines]; --ground-truth FILE --messages FILE alone runs the recorded"
          + " messages (simulate --out) through the real job and scores its work orders.",
      "End to end: --seed S --vehicles N --days D simulates a fresh fleet, runs it through the"
          + " real job in this process (local Flink, no broker) with the newest model under"
          + " --model-dir, and scores the job's work orders."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--ground-truth", description = "Ground truth (JSON lines) of the scored run")
  Path groundTruth;

  @Option(names = "--work-orders", description = "Work orders (JSON lines) to score")
  Path workOrders;

  @Option(
      names = "--forecasts",
      description = "Forecasts (JSON lines) to score, turned into orders by the reference policy")
  Path forecasts;

  @Option(
      names = "--messages",
      description = "The run's messages (JSON lines): with them the baselines are scored too")
  Path messages;

  @Option(names = "--seed", description = "End to end: simulate a fleet with this seed")
  Long seed;

  @Option(
      names = "--vehicles",
      defaultValue = "200",
      description = "End to end: vehicles (default: ${DEFAULT-VALUE})")
  int vehicles;

  @Option(
      names = "--days",
      defaultValue = "365",
      description = "End to end: simulated days (default: ${DEFAULT-VALUE})")
  double days;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "End to end: simulator threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "End to end: parallelism of the local job (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(
      names = "--model-dir",
      defaultValue = "models",
      description =
          "End to end: model root; the newest version is served, the trend prior when there is"
              + " none (default: ${DEFAULT-VALUE})")
  Path modelDir;

  @Option(
      names = "--work-dir",
      description =
          "End to end: keep the simulated messages and ground truth here (default: a"
              + " temporary directory, deleted afterwards)")
  Path workDir;

  @Option(names = "--json", description = "Print the scorecard as JSON")
  boolean json;

  @Option(names = "--report", description = "Write report.md, scorecard.json and PNG plots here")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean files = groundTruth != null;
    if (files == (seed != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give either --ground-truth with orders, or --seed");
    }
    Scorecard model;
    Map<String, Scorecard> baselines = new LinkedHashMap<>();
    String setup;
    if (files) {
      if (workOrders != null && forecasts != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give one of --work-orders or --forecasts");
      }
      if (workOrders == null && forecasts == null && messages == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give --work-orders, --forecasts, or --messages to run the job on");
      }
      if (workOrders == null && forecasts == null) {
        // A recorded run (simulate --out … --ground-truth …) through the real job.
        SimulatedFleetRun run = SimulatedFleetRun.read(messages, groundTruth);
        String served = served();
        err.println("serving " + served);
        JobRun.Result job = JobRun.run(messages, modelDir.toString(), parallelism, err);
        EvaluationOptions options = FleetScoring.options(run.truth());
        model =
            new ScorecardEvaluator(options)
                .score("job " + served, run.truth(), FleetScoring.orders(job.workOrders()));
        baselines = FleetScoring.baselines(run.vehicles(), run.truth(), options);
        diagnostic = referencePolicy(run, options, err);
        visibility = new CrossingVisibility(run.vehicles()).split(model);
        setup = describe(messages.toString(), served, job, Double.NaN);
        err.println(setup);
        return print(out, err, model, baselines, setup);
      }
      GroundTruth truth = GroundTruthReader.read(groundTruth);
      EvaluationOptions options = FleetScoring.options(truth);
      List<PredictedOrder> orders =
          workOrders != null ? OrderReader.readWorkOrders(workOrders) : fromForecasts(forecasts);
      String name = workOrders != null ? "work orders " + workOrders.getFileName() : "forecasts";
      model = new ScorecardEvaluator(options).score(name, truth, orders);
      if (messages != null) {
        err.println("scoring the baselines on " + messages + " ...");
        SimulatedFleetRun run = SimulatedFleetRun.read(messages, groundTruth);
        baselines = FleetScoring.baselines(run.vehicles(), truth, options);
        visibility = new CrossingVisibility(run.vehicles()).split(model);
      }
      setup = "Scored " + (workOrders != null ? workOrders : forecasts) + " against " + groundTruth;
    } else {
      Path dir = workDir != null ? workDir : Files.createTempDirectory("fleetcare-evaluate-");
      Files.createDirectories(dir);
      try {
        long t0 = System.nanoTime();
        SimulatedFleetRun run =
            SimulatedFleetRun.simulate(seed, vehicles, days, threads, dir, true, err);
        double simS = (System.nanoTime() - t0) / 1e9;
        String served = served();
        err.println("serving " + served);
        JobRun.Result job = JobRun.run(run.messagesFile(), modelDir.toString(), parallelism, err);
        EvaluationOptions options = FleetScoring.options(run.truth());
        model =
            new ScorecardEvaluator(options)
                .score("job " + served, run.truth(), FleetScoring.orders(job.workOrders()));
        baselines = FleetScoring.baselines(run.vehicles(), run.truth(), options);
        diagnostic = referencePolicy(run, options, err);
        visibility = new CrossingVisibility(run.vehicles()).split(model);
        setup =
            describe(
                String.format(
                    Locale.ROOT,
                    "Seed %d, %d vehicles x %.0f days (scored after a %d-day warm-up)",
                    seed,
                    vehicles,
                    days,
                    FleetScoring.WARM_UP.toDays()),
                served,
                job,
                simS);
        err.println(setup);
      } finally {
        if (workDir == null) {
          TrainCommand.deleteTree(dir);
        }
      }
    }
    return print(out, err, model, baselines, setup);
  }

  /** Set by the job runs: the served model's forecasts through the reference order policy. */
  private Scorecard diagnostic;

  /** Set when the fleet's messages are known: the scored crossings by what the messages showed. */
  private List<CrossingVisibility.Split> visibility = List.of();

  private Scorecard referencePolicy(
      SimulatedFleetRun run, EvaluationOptions options, PrintWriter err) {
    err.println("scoring the served model's forecasts with the reference order policy ...");
    return FleetScoring.referencePolicy(
        ForecastModels.load(modelDir.toString()), run.vehicles(), run.truth(), options);
  }

  private String served() {
    Path latest = ForecastModels.latest(modelDir.toString());
    return latest == null
        ? ForecastModels.TREND_PRIOR_VERSION + " (no model under " + modelDir + ")"
        : latest.getFileName().toString();
  }

  private String describe(String fleet, String served, JobRun.Result job, double simS) {
    return String.format(
        Locale.ROOT,
        "%s; model %s; %,d messages%s run through the job (local Flink, parallelism %d) in %d s;"
            + " %,d work orders (%,d maintenance orders scored).",
        fleet,
        served,
        job.messages(),
        Double.isNaN(simS) ? "" : String.format(Locale.ROOT, " simulated in %.0f s and", simS),
        parallelism,
        job.elapsed().toSeconds(),
        job.workOrders().size(),
        FleetScoring.orders(job.workOrders()).size());
  }

  private int print(
      PrintWriter out,
      PrintWriter err,
      Scorecard model,
      Map<String, Scorecard> baselines,
      String setup)
      throws Exception {
    if (json) {
      out.print(ScorecardFormat.json(model, baselines));
    } else {
      List<Scorecard> all = new ArrayList<>();
      all.add(model);
      all.addAll(baselines.values());
      out.print(ScorecardFormat.table(all));
    }
    if (diagnostic != null) {
      // Not part of the scorecard: the same forecasts ordered by the reference policy (stderr).
      err.println();
      err.println("diagnostic: the served model's forecasts through the reference OrderPolicy");
      err.print(ScorecardFormat.table(List.of(diagnostic)));
      err.flush();
    }
    if (!visibility.isEmpty()) {
      err.println();
      err.println("crossings the messages showed at least 7 days ahead (scored orders: the job's)");
      err.print(CrossingVisibility.table(visibility));
      err.flush();
    }
    if (report != null) {
      Path file =
          EvaluationReport.write(
              report, "Fleetcare evaluation", model, baselines, setup, diagnostic, visibility);
      err.println("report: " + file);
    }
    out.flush();
    return 0;
  }

  private static List<PredictedOrder> fromForecasts(Path file) throws Exception {
    List<Forecast> list = new ArrayList<>(OrderReader.readForecasts(file));
    list.sort(Comparator.comparing(Forecast::at));
    OrderPolicy policy = new OrderPolicy();
    List<PredictedOrder> orders = new ArrayList<>();
    for (Forecast f : list) {
      // Without the services the reference policy re-arms after its suppression period only.
      policy.offer(f, null).ifPresent(orders::add);
    }
    return orders;
  }
}
