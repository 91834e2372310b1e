package io.fleetcare.streamjobs.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.gateway.GatewayFaultOptions;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.testing.TestDatabase;
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
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill 2, Flink failures, on the real pipeline with the drill's own Mosquitto:
 *
 * <ul>
 *   <li>a task throws mid-stream and the job restarts from its last checkpoint under the restart
 *       strategy it gets by default with checkpointing (no drill-specific setting);
 *   <li>the job is stopped with a savepoint mid-stream (the gateways go on publishing), and a new
 *       job is started from the savepoint.
 * </ul>
 *
 * Either way every telemetry message must be stored exactly once and every malformed copy
 * dead-lettered exactly once: the source acknowledges only after checkpoints (and the savepoint),
 * the broker redelivers the rest, dedup by (vin, seq) and idempotent writes remove the replays.
 */
class FlinkFailureDrill {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void aTaskFailureMidStreamRestartsFromTheCheckpointWithoutLossOrDuplicates() throws Exception {
    DrillTraffic traffic = traffic(9_002);
    String group = "drill2f" + UUID.randomUUID().toString().substring(0, 8);
    long failAt = traffic.messages().size() * 2L / 5;
    try (DrillBroker broker = DrillBroker.start(dir);
        TestDatabase db = TestDatabase.create();
        ExecutorService background = Executors.newSingleThreadExecutor()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options = DrillPipeline.options(broker.uri(), db.jdbcUrl(), group);
      JobClient job =
          DrillPipeline.start(
              "flink-failure-drill", options, new Configuration(), new FailOnce(group, failAt));
      try {
        new DrillPipeline.Probe(broker.uri()).awaitStored(db, Duration.ofMinutes(1));
        GatewayPublisher gateways = new GatewayPublisher(broker.uri(), 100, () -> true);
        Future<?> publishing = publish(background, gateways, traffic);
        publishing.get(3, TimeUnit.MINUTES);
        gateways.close();

        DrillAccounting accounting =
            DrillAccounting.await(
                "flink-task-failure", traffic, gateways, db, Duration.ofMinutes(3));
        System.out.println(
            accounting.line()
                + String.format(
                    " | task failure injected after %d records: %s",
                    failAt, FailOnce.thrown(group)));

        assertThat(FailOnce.thrown(group)).as("the task failure happened").isTrue();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(gateways.acknowledged()).isEqualTo(traffic.messages().size());
        accounting.assertExact();
      } finally {
        job.cancel().get();
      }
    }
  }

  @Test
  void aNewJobStartedFromASavepointTakenMidStreamLosesAndDoublesNothing() throws Exception {
    DrillTraffic traffic = traffic(9_003);
    String group = "drill2s" + UUID.randomUUID().toString().substring(0, 8);
    try (DrillBroker broker = DrillBroker.start(dir);
        TestDatabase db = TestDatabase.create();
        ExecutorService background = Executors.newSingleThreadExecutor()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options = DrillPipeline.options(broker.uri(), db.jdbcUrl(), group);
      JobClient first =
          DrillPipeline.start(
              "savepoint-drill-1", options, new Configuration(), DrillPipeline.passThrough());
      JobClient second = null;
      try {
        new DrillPipeline.Probe(broker.uri()).awaitStored(db, Duration.ofMinutes(1));
        GatewayPublisher gateways = new GatewayPublisher(broker.uri(), 100, () -> true);
        Future<?> publishing = publish(background, gateways, traffic);
        long stopAt = traffic.telemetryKeys().size() / 3;
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> storedTelemetry(db) >= stopAt);

        // Whatever the broker has not delivered and acknowledged waits in the readers' sessions.
        String savepoint =
            first
                .stopWithSavepoint(
                    false,
                    dir.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        long storedAtStop = storedTelemetry(db);
        long acknowledgedAtStop = gateways.acknowledged();
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        second =
            DrillPipeline.start("savepoint-drill-2", options, restore, DrillPipeline.passThrough());

        publishing.get(3, TimeUnit.MINUTES);
        gateways.close();
        DrillAccounting accounting =
            DrillAccounting.await("flink-savepoint", traffic, gateways, db, Duration.ofMinutes(3));
        System.out.println(
            accounting.line()
                + String.format(
                    " | stopped with savepoint after %d stored, %d of %d acknowledged",
                    storedAtStop, acknowledgedAtStop, traffic.messages().size()));

        assertThat(first.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        assertThat(storedAtStop).isLessThan(traffic.telemetryKeys().size());
        assertThat(second.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        assertThat(gateways.acknowledged()).isEqualTo(traffic.messages().size());
        accounting.assertExact();
      } finally {
        for (JobClient job : new JobClient[] {first, second}) {
          if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
            job.cancel().get();
          }
        }
      }
    }
  }

  private static DrillTraffic traffic(long seed) throws Exception {
    return DrillTraffic.simulate(
        SimulatorOptions.builder()
            .seed(seed)
            .vehicles(10)
            .days(1)
            .start(Instant.parse("2026-03-02T00:00:00Z"))
            .samplesPerMessage(10)
            .faults(GatewayFaultOptions.NONE.withMalformedRate(0.01))
            .build());
  }

  private static Future<?> publish(
      ExecutorService background, GatewayPublisher gateways, DrillTraffic traffic) {
    return background.submit(
        () -> {
          gateways.publishAll(traffic.messages());
          return null;
        });
  }

  private static long storedTelemetry(TestDatabase db) throws Exception {
    return db.queryLong(
        "SELECT count(*) FROM telemetry_batch WHERE vin <> '" + DrillPipeline.PROBE_VIN + "'");
  }
}
