package io.fleetcare.app.bench;

import io.fleetcare.app.ApiCommand;
import io.fleetcare.app.LocalFlink;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.vertx.core.Vertx;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The full pipeline: MQTT → the telemetry job as {@code fleetcare job} runs it (local Flink, every
 * signal operator, the planner and the JDBC and MQTT work-order sinks) → PostgreSQL, with the
 * work-order service running and storing the planner's orders. Rates step up until the job cannot
 * keep up; then the latency stage runs at 70 % of the sustained rate.
 *
 * <p>Publish → row latency: the bench adds a column {@code bench_inserted_at timestamptz DEFAULT
 * clock_timestamp()} to {@code telemetry_batch} in its scratch database only (the job's INSERT does
 * not name it, so PostgreSQL stamps each row as it inserts it, on the same machine clock as the
 * publisher); for every marked message the latency is that stamp minus the wall-clock time just
 * before the publish call. The stamp precedes the batch's commit by the rest of the batch's
 * execution (milliseconds).
 *
 * <p>Output: the same stamp, BRIN-indexed, gives every verdict its exact row counts ({@link
 * StampedRowCount}: rows stamped before the window opened and before it closed, counted once the
 * step's backlog is worked off). {@code pg_stat_user_tables} (about a second stale) only feeds the
 * live progress lines and the all-tables figure.
 */
final class PipelineStage {
  /** The lowest rate the ladder steps down to when its first step fails, msgs/s. */
  static final double PIPELINE_FLOOR_PER_S = 125;

  private static final String[] JOB_TABLES = {
    "telemetry_batch", "dead_letter", "vehicle_signal", "trip", "fault_code", "usage_profile"
  };

  record Latency(
      double targetPerS,
      StepMeasurement measurement,
      Percentiles publishToRow,
      Percentiles dtcToSse,
      int dtcPublished,
      ResourceMeter.Usage usage) {}

  record Result(
      List<StepResult> steps,
      double sustainedPerS,
      double dbSinkRowsPerS,
      double dbSinkAllTablesRowsPerS,
      Latency latency,
      FlinkCheckpointStats.Checkpoint checkpoint,
      int vehiclesInState,
      String note) {
    double stateBytesPerVehicle() {
      return checkpoint == null || vehiclesInState == 0
          ? Double.NaN
          : (double) checkpoint.stateBytes() / vehiclesInState;
    }
  }

  private final BenchSettings settings;
  private final String brokerUrl;
  private final ScratchDatabase db;
  private final ResourceMeter meter;
  private final Progress progress;
  // Messages published before the job's shared subscription existed are dropped by the broker;
  // they are not counted as published.
  private long lostBeforeReady;
  private StampedRowCount stamped;

  PipelineStage(
      BenchSettings settings,
      String brokerUrl,
      ScratchDatabase db,
      ResourceMeter meter,
      Progress progress) {
    this.settings = settings;
    this.brokerUrl = brokerUrl;
    this.db = db;
    this.meter = meter;
    this.progress = progress;
  }

  Result run(double maxPerS) throws Exception {
    String jdbc = db.jdbcUrl();
    SchemaMigrator.migrate(jdbc);
    char tag = BenchFleet.runTag(System.nanoTime());
    BenchFleet fleet =
        new BenchFleet(tag, settings.vehicles(), System.currentTimeMillis() - 30L * 86_400_000);
    Vertx vertx = Vertx.vertx();
    ApiCommand.Running api = null;
    JobClient job = null;
    try (Connection stats = db.connect();
        PacedPublisher publisher =
            new PacedPublisher(
                brokerUrl,
                fleet,
                settings.publisherThreads(),
                settings.maxInflight(),
                settings.markEvery())) {
      api =
          ApiCommand.startApi(
              vertx,
              WorkOrderServiceOptions.builder(jdbc, EncryptionKey.random()).httpPort(0).build(),
              Optional.of(brokerUrl));
      String token =
          api.api()
              .createUser(new ApiUser("bench-admin", "Bench", Role.ADMIN, null), null)
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      progress.say("pipeline: work-order service on port %d", api.api().port());
      stamped = StampedRowCount.install(stats);

      int restPort = MosquittoProcess.freePort();
      Configuration conf = new Configuration();
      conf.set(RestOptions.PORT, restPort);
      conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
      StreamExecutionEnvironment env = LocalFlink.environment(settings.parallelism(), conf);
      TelemetryJobOptions options =
          TelemetryJobOptions.defaults(brokerUrl, jdbc)
              .withSharedGroup("bench-" + UUID.randomUUID().toString().substring(0, 8))
              .withCheckpointing(settings.checkpointInterval(), settings.parallelism());
      TelemetryJob.build(
          env, TelemetryJob.mqttSource(options), TelemetryJob.jdbcSinks(options), options);
      job = env.executeAsync("fleetcare-bench");
      FlinkCheckpointStats checkpoints =
          new FlinkCheckpointStats(restPort, job.getJobID().toHexString());
      progress.say(
          "pipeline: job %s started (parallelism %d, checkpoints every %s)",
          job.getJobID(), settings.parallelism(), settings.checkpointInterval());

      publisher.publishProfiles();
      awaitFirstRows(publisher, stats);
      progress.say(
          "pipeline: job is consuming; %d vehicles (%d messages published before it subscribed)",
          fleet.size(), lostBeforeReady);

      List<StepResult> steps = new ArrayList<>();
      RateLadder ladder =
          new RateLadder(
              settings.pipelineStartPerS(),
              settings.ladderFactor(),
              Math.max(settings.pipelineStartPerS(), maxPerS),
              Math.min(PIPELINE_FLOOR_PER_S, settings.pipelineStartPerS()),
              settings.refinements(),
              settings.maxSteps());
      SustainedRule rule = SustainedRule.pipeline();
      StepResult best = null;
      double bestAllTables = 0;
      String note = "";
      for (OptionalDouble next = ladder.next(); next.isPresent(); next = ladder.next()) {
        double rate = next.getAsDouble();
        StepRun run = step(publisher, stats, rate);
        boolean drained = drain(publisher);
        StepMeasurement m = run.measure(stamped);
        Percentiles latency = publishToRow(stats, publisher.drainMarks());
        SustainedRule.Verdict verdict = rule.judge(m);
        if (!drained) {
          verdict = new SustainedRule.Verdict(false, verdict.reason() + "; backlog not worked off");
        }
        ladder.record(rate, verdict.sustained());
        StepResult r = new StepResult(m, verdict, run.usage, run.generatorCores, latency);
        steps.add(r);
        progress.say(
            "pipeline: offered %,.0f msgs/s, published %,.0f, stored %,.0f rows/s, backlog %.1f s,"
                + " p99 publish->row %.0f ms -> %s",
            rate, m.inputPerS(), m.outputPerS(), m.lagEndS(), latency.p99Ms(), verdict.reason());
        if (verdict.sustained()
            && (best == null || m.inputPerS() > best.measurement().inputPerS())) {
          best = r;
          bestAllTables = run.allTablesRowsPerS;
        }
        if (!drained) {
          note =
              "stopped stepping: a step's backlog was not worked off within "
                  + settings.drainTimeout();
          break;
        }
      }

      Latency latency = null;
      if (best != null) {
        latency =
            latencyStage(
                publisher,
                stats,
                fleet,
                api.api().port(),
                token,
                0.7 * best.measurement().inputPerS());
      }
      // A checkpoint taken after the last message reflects every vehicle's state.
      Thread.sleep(3 * settings.checkpointInterval().toMillis() + 1_000);
      FlinkCheckpointStats.Checkpoint checkpoint = checkpoints.latest();
      int vehicles = fleet.size() + (latency == null ? 0 : latency.dtcPublished());
      return new Result(
          steps,
          best == null ? 0 : best.measurement().inputPerS(),
          best == null ? 0 : best.measurement().outputPerS(),
          bestAllTables,
          latency,
          checkpoint,
          vehicles,
          note);
    } finally {
      if (job != null) {
        try {
          job.cancel().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          progress.say("pipeline: cancelling the job failed: %s", e);
        }
      }
      if (api != null) {
        api.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * One step as it ran: published counts and database times when its window opened and closed. The
   * exact measurement is taken from these once the backlog is worked off ({@link #measure}).
   */
  private record StepRun(
      double rate,
      double windowS,
      long published0,
      long published1,
      OffsetDateTime opened,
      OffsetDateTime closed,
      ResourceMeter.Usage usage,
      double generatorCores,
      double allTablesRowsPerS) {
    StepMeasurement measure(StampedRowCount stamped) throws SQLException {
      return StepMeasurement.fromCounts(
          rate,
          windowS,
          published0,
          published1,
          stamped.storedBefore(opened),
          stamped.storedBefore(closed));
    }
  }

  private StepRun step(PacedPublisher publisher, Connection stats, double rate) throws Exception {
    long cpu0 = publisher.generatorCpuNanos();
    long tStart = System.nanoTime();
    publisher.startPublishing(rate, true);
    Thread.sleep(settings.pipelineWarmup().toMillis());
    long p0 = published(publisher);
    OffsetDateTime opened = StampedRowCount.now(stats);
    long[] rows0 = rows(stats);
    ResourceMeter.Snapshot s0 = meter.snapshot();
    long windowMs = settings.pipelineWindow().toMillis();
    long t0 = System.nanoTime();
    long heapMax = 0;
    for (long elapsed = 0; elapsed < windowMs; elapsed += 5_000) {
      Thread.sleep(Math.min(5_000, windowMs - elapsed));
      long[] rows = rows(stats);
      heapMax = Math.max(heapMax, meter.snapshot().heapUsedBytes());
      progress.say(
          "  %,.0f msgs/s offered: %,d published, %,d stored, backlog %,d",
          rate, published(publisher), rows[0], published(publisher) - rows[0]);
    }
    long p1 = published(publisher);
    OffsetDateTime closed = StampedRowCount.now(stats);
    long[] rows1 = rows(stats);
    ResourceMeter.Snapshot s1 = meter.snapshot();
    double windowS = (System.nanoTime() - t0) / 1e9;
    publisher.stopPublishing();
    double genCores = (publisher.generatorCpuNanos() - cpu0) / ((System.nanoTime() - tStart) / 1.0);
    ResourceMeter.Usage u = ResourceMeter.between(s0, s1);
    u =
        new ResourceMeter.Usage(
            u.jvmCores(),
            u.mosquittoCores(),
            u.postgresCores(),
            u.machineBusyCores(),
            Math.max(u.heapUsedBytes(), heapMax));
    return new StepRun(
        rate, windowS, p0, p1, opened, closed, u, genCores, (rows1[1] - rows0[1]) / windowS);
  }

  /**
   * Rows inserted so far: {telemetry_batch, all job tables}, from PostgreSQL's statistics (cheap at
   * any table size, but each busy backend flushes them only about once a second, an idle one
   * later): for progress lines and the all-tables figure, never for a verdict.
   */
  static long[] rows(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT relname, n_tup_ins + n_tup_upd FROM pg_stat_user_tables WHERE relname IN ('"
                  + String.join("','", JOB_TABLES)
                  + "')")) {
        long telemetry = 0;
        long all = 0;
        while (rs.next()) {
          all += rs.getLong(2);
          if (rs.getString(1).equals("telemetry_batch")) {
            telemetry = rs.getLong(2);
          }
        }
        return new long[] {telemetry, all};
      }
    }
  }

  private void awaitFirstRows(PacedPublisher publisher, Connection stats) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    publisher.startPublishing(Math.min(200, settings.pipelineStartPerS()), false);
    try {
      while (stamped.storedNow() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the job stored nothing within 2 minutes");
        }
        Thread.sleep(200);
      }
    } finally {
      publisher.stopPublishing();
    }
    // What has not arrived once the count stops rising was published before the subscription.
    long last = -1;
    for (int stable = 0; stable < 3; ) {
      Thread.sleep(1_000);
      long now = stamped.storedNow();
      stable = now == last ? stable + 1 : 0;
      last = now;
    }
    lostBeforeReady = publisher.published() - last;
  }

  private long published(PacedPublisher publisher) {
    return publisher.published() - lostBeforeReady;
  }

  /** Waits until every published message has its row; false if that takes too long. */
  private boolean drain(PacedPublisher publisher) throws Exception {
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    while (stamped.storedNow() < published(publisher)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(250);
    }
    return true;
  }

  /** Publish → insert latency of the marked messages whose rows are stored. */
  private static Percentiles publishToRow(Connection c, List<PacedPublisher.Mark> marks)
      throws SQLException {
    if (marks.isEmpty()) {
      return Percentiles.EMPTY;
    }
    Map<String, Map<Long, Long>> published = new HashMap<>();
    long minSeq = Long.MAX_VALUE;
    for (PacedPublisher.Mark m : marks) {
      published.computeIfAbsent(m.vin(), v -> new HashMap<>()).put(m.seq(), m.publishedAtMicros());
      minSeq = Math.min(minSeq, m.seq());
    }
    double[] latencies = new double[marks.size()];
    int n = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT vin, seq, (extract(epoch FROM bench_inserted_at) * 1000000)::bigint"
                + " FROM telemetry_batch WHERE vin = ANY(?) AND seq >= ?")) {
      Array vins = c.createArrayOf("text", published.keySet().toArray());
      s.setArray(1, vins);
      s.setLong(2, minSeq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Long at = published.getOrDefault(rs.getString(1), Map.of()).get(rs.getLong(2));
          if (at != null) {
            latencies[n++] = (rs.getLong(3) - at) / 1000.0;
          }
        }
      }
    }
    return Percentiles.of(java.util.Arrays.copyOf(latencies, n));
  }

  private Latency latencyStage(
      PacedPublisher publisher,
      Connection stats,
      BenchFleet fleet,
      int apiPort,
      String token,
      double rate)
      throws Exception {
    progress.say(
        "latency: %,.0f msgs/s (70 %% of sustained) for %s", rate, settings.latencyDuration());
    publisher.drainMarks();
    int dtcVehicles = (int) Math.max(5, settings.latencyDuration().toSeconds() - 5);
    List<String> dtcVins = new ArrayList<>();
    for (int i = 0; i < dtcVehicles; i++) {
      dtcVins.add(BenchFleet.vin(fleet.vin(0).charAt(8), 90_000_000 + i));
    }
    Map<String, Long> dtcPublishedAt = new HashMap<>();
    try (SseListener sse = new SseListener(apiPort, token);
        MqttPublisher events =
            new MqttPublisher(
                new MqttPublisherOptions(
                    brokerUrl, "fleetcare-bench-dtc-" + UUID.randomUUID(), 1))) {
      for (String vin : dtcVins) {
        events.send(Topic.of(vin, TopicKind.PROFILE), fleet.encode(BenchFleet.profile(vin)), true);
      }
      long cpu0 = publisher.generatorCpuNanos();
      publisher.startPublishing(rate, true);
      long p0 = published(publisher);
      OffsetDateTime opened = StampedRowCount.now(stats);
      ResourceMeter.Snapshot s0 = meter.snapshot();
      long t0 = System.nanoTime();
      Thread.sleep(3_000); // the profiles go first, so the planner knows each car's dealer
      long intervalMs =
          (settings.latencyDuration().toMillis() - 3_000) / Math.max(1, dtcVins.size());
      for (String vin : dtcVins) {
        long at = PacedPublisher.nowMicros();
        events.send(Topic.of(vin, TopicKind.EVENTS), fleet.dtcSetPayload(vin, at / 1000), false);
        dtcPublishedAt.put(vin, at);
        Thread.sleep(intervalMs);
      }
      long p1 = published(publisher);
      OffsetDateTime closed = StampedRowCount.now(stats);
      ResourceMeter.Snapshot s1 = meter.snapshot();
      double windowS = (System.nanoTime() - t0) / 1e9;
      publisher.stopPublishing();
      drain(publisher);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (sse.ordersSeen() < dtcVins.size() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      double[] dtcLatencies = new double[dtcVins.size()];
      int n = 0;
      Set<String> missing = new HashSet<>();
      for (String vin : dtcVins) {
        Long arrived = sse.firstOrderAtMicros(vin);
        if (arrived == null) {
          missing.add(vin);
        } else {
          dtcLatencies[n++] = (arrived - dtcPublishedAt.get(vin)) / 1000.0;
        }
      }
      if (!missing.isEmpty()) {
        progress.say(
            "latency: %d of %d fault codes produced no order on the feed",
            missing.size(), dtcVins.size());
      }
      Percentiles toRow = publishToRow(stats, publisher.drainMarks());
      Percentiles toSse = Percentiles.of(java.util.Arrays.copyOf(dtcLatencies, n));
      StepMeasurement m =
          StepMeasurement.fromCounts(
              rate, windowS, p0, p1, stamped.storedBefore(opened), stamped.storedBefore(closed));
      progress.say(
          "latency: publish->row p50 %.0f / p99 %.0f / p99.9 %.0f ms (%d marked); DTC->SSE p50 %.0f"
              + " / p99 %.0f ms (%d of %d); generator %.2f cores",
          toRow.p50Ms(),
          toRow.p99Ms(),
          toRow.p999Ms(),
          toRow.count(),
          toSse.p50Ms(),
          toSse.p99Ms(),
          toSse.count(),
          dtcVins.size(),
          (publisher.generatorCpuNanos() - cpu0) / 1e9 / windowS);
      return new Latency(rate, m, toRow, toSse, dtcVins.size(), ResourceMeter.between(s0, s1));
    }
  }
}
