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
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Drill 1, broker restart: the drill's own Mosquitto (shipped configuration, persistence on) gets
 * SIGTERM a third of the way through a simulated fleet's traffic, stays down for {@link #DOWN_FOR}
 * and is started again on the same port. The job runs with restarts switched off, so it must ride
 * the restart out (its readers reconnect and resume their persistent sessions); the gateways
 * reconnect and re-send what the broker did not acknowledge. Every telemetry message must be stored
 * exactly once and every malformed copy dead-lettered exactly once.
 *
 * <p>Mosquitto does not persist shared subscriptions (docs/ingest.md, "Broker restarts"), so the
 * gateways wait until a probe shows a reader subscribed again before they publish again.
 */
class BrokerRestartDrill {
  private static final Duration DOWN_FOR = Duration.ofSeconds(5);

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void nothingIsLostOrDoubledWhenTheBrokerRestartsMidStream() throws Exception {
    DrillTraffic traffic =
        DrillTraffic.simulate(
            SimulatorOptions.builder()
                .seed(9_001)
                .vehicles(10)
                .days(1)
                .start(Instant.parse("2026-03-02T00:00:00Z"))
                .samplesPerMessage(10)
                .faults(GatewayFaultOptions.NONE.withMalformedRate(0.01))
                .build());
    String group = "drill1" + UUID.randomUUID().toString().substring(0, 8);
    try (DrillBroker broker = DrillBroker.start(dir);
        TestDatabase db = TestDatabase.create();
        ExecutorService background = Executors.newSingleThreadExecutor()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options = DrillPipeline.options(broker.uri(), db.jdbcUrl(), group);
      Configuration noRestarts = new Configuration();
      noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
      JobClient job =
          DrillPipeline.start(
              "broker-restart-drill", options, noRestarts, DrillPipeline.passThrough());
      try {
        DrillPipeline.Probe probe = new DrillPipeline.Probe(broker.uri());
        probe.awaitStored(db, Duration.ofMinutes(1));

        AtomicBoolean mayPublish = new AtomicBoolean(true);
        GatewayPublisher gateways = new GatewayPublisher(broker.uri(), 100, mayPublish::get);
        Future<?> publishing =
            background.submit(
                () -> {
                  gateways.publishAll(traffic.messages());
                  return null;
                });
        long restartAfter = traffic.messages().size() / 3;
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(10))
            .failFast(publishing::isDone)
            .until(() -> gateways.acknowledged() >= restartAfter);

        mayPublish.set(false);
        long acknowledgedAtStop = gateways.acknowledged();
        int exitCode = broker.stop();
        Thread.sleep(DOWN_FOR.toMillis());
        broker.start();
        probe.awaitStored(db, Duration.ofMinutes(2));
        mayPublish.set(true);
        publishing.get(3, TimeUnit.MINUTES);
        gateways.close();

        DrillAccounting accounting =
            DrillAccounting.await("broker-restart", traffic, gateways, db, Duration.ofMinutes(3));
        System.out.println(
            accounting.line()
                + String.format(
                    " | broker stopped after %d of %d acknowledged (exit %d), down %d s,"
                        + " gateway connections %d",
                    acknowledgedAtStop,
                    traffic.messages().size(),
                    exitCode,
                    DOWN_FOR.toSeconds(),
                    gateways.connects()));

        assertThat(exitCode).isZero();
        assertThat(acknowledgedAtStop).isLessThan(traffic.messages().size());
        assertThat(gateways.connects()).isGreaterThanOrEqualTo(2);
        assertThat(broker.log())
            .contains("Saving in-memory database")
            .doesNotContain("Error saving");
        assertThat(job.getJobStatus().get())
            .as("the job rode the restart out")
            .isEqualTo(JobStatus.RUNNING);
        assertThat(gateways.acknowledged()).isEqualTo(traffic.messages().size());
        accounting.assertExact();
      } finally {
        // A failed step must not leave the publisher blocking the executor's close forever.
        background.shutdownNow();
        job.cancel().get();
      }
    }
  }
}
