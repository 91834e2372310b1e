package io.fleetcare.streamjobs.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.testing.TcpProxy;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill 3, database outage: the job's JDBC sinks reach PostgreSQL through a {@link TcpProxy} the
 * drill cuts for {@link #OUTAGE} a quarter of the way through a simulated fleet's traffic (open
 * connections reset, new ones refused). The job runs with restarts switched off, so a sink that
 * gave up would fail it: the sinks must back off and keep retrying, hold the stream back meanwhile
 * (nothing is acknowledged to the broker while a checkpoint cannot complete), and catch up when the
 * database is back. Every telemetry message must then be stored exactly once and every malformed
 * copy dead-lettered exactly once (the writes are idempotent, so a batch retried after its commit
 * was lost stays single).
 */
class DatabaseOutageDrill {
  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void sinksRideOutAMinuteWithoutTheDatabaseAndCatchUpExactly() throws Exception {
    DrillTraffic traffic =
        DrillTraffic.simulate(
            SimulatorOptions.builder()
                .seed(9_004)
                .vehicles(10)
                .days(1)
                .start(Instant.parse("2026-03-02T00:00:00Z"))
                .samplesPerMessage(10)
                .faults(GatewayFaultOptions.NONE.withMalformedRate(0.01))
                .build());
    String group = "drill3" + UUID.randomUUID().toString().substring(0, 8);
    try (DrillBroker broker = DrillBroker.start(dir);
        TestDatabase db = TestDatabase.create();
        ExecutorService background = Executors.newSingleThreadExecutor()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      URI direct = URI.create(db.jdbcUrl().substring("jdbc:".length()));
      try (TcpProxy proxy = TcpProxy.start(direct.getHost(), direct.getPort())) {
        String viaProxy =
            "jdbc:postgresql://127.0.0.1:"
                + proxy.port()
                + direct.getRawPath()
                + "?"
                + direct.getRawQuery();
        TelemetryJobOptions options = DrillPipeline.options(broker.uri(), viaProxy, group);
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        JobClient job =
            DrillPipeline.start(
                "database-outage-drill", options, noRestarts, DrillPipeline.passThrough());
        try {
          new DrillPipeline.Probe(broker.uri()).awaitStored(db, Duration.ofMinutes(1));
          GatewayPublisher gateways = new GatewayPublisher(broker.uri(), 100, () -> true);
          Future<?> publishing =
              background.submit(
                  () -> {
                    gateways.publishAll(traffic.messages());
                    return null;
                  });
          long cutAt = traffic.telemetryKeys().size() / 4;
          await()
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> storedTelemetry(db) >= cutAt);

          proxy.cut();
          long storedAtCut = storedTelemetry(db);
          Thread.sleep(OUTAGE.toMillis());
          long storedAtRestore = storedTelemetry(db);
          JobStatus statusAtRestore = job.getJobStatus().get();
          long restoredAtMs = System.currentTimeMillis();
          proxy.restore();

          publishing.get(3, TimeUnit.MINUTES);
          gateways.close();
          DrillAccounting accounting =
              DrillAccounting.await(
                  "database-outage", traffic, gateways, db, Duration.ofMinutes(4));
          long caughtUpS = (System.currentTimeMillis() - restoredAtMs) / 1000;
          System.out.println(
              accounting.line()
                  + String.format(
                      " | database cut for %d s after %d stored (%d connections reset);"
                          + " stored during the outage %d; job %s at the end of the outage;"
                          + " caught up %d s after the database was back (3 s settle included)",
                      OUTAGE.toSeconds(),
                      storedAtCut,
                      proxy.reset(),
                      storedAtRestore - storedAtCut,
                      statusAtRestore,
                      caughtUpS));

          assertThat(proxy.reset()).as("the outage broke live connections").isPositive();
          assertThat(storedAtCut).isLessThan(traffic.telemetryKeys().size());
          assertThat(storedAtRestore).as("nothing reached the database").isEqualTo(storedAtCut);
          assertThat(statusAtRestore).isEqualTo(JobStatus.RUNNING);
          assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
          assertThat(gateways.acknowledged()).isEqualTo(traffic.messages().size());
          accounting.assertExact();
        } finally {
          job.cancel().get();
        }
      }
    }
  }

  private static long storedTelemetry(TestDatabase db) throws Exception {
    return db.queryLong(
        "SELECT count(*) FROM telemetry_batch WHERE vin <> '" + DrillPipeline.PROBE_VIN + "'");
  }
}
