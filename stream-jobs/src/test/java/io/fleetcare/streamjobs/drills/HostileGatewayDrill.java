package io.fleetcare.streamjobs.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill 5, hostile gateways, on the real pipeline with the drill's own Mosquitto. Four phases, each
 * a fresh simulated fleet published as fast as the broker takes it, in the order clean, flood,
 * flood, clean (so a drift of the machine's speed during the run cancels out), after an unmeasured
 * warm-up phase. In a flood phase 10 % of the traffic is hostile ({@link HostilePayloads}:
 * malformed, undecodable, absurdly nested, wrong version, a VIN publishing for another VIN, ...)
 * and a few payloads are above the 1 MiB limit. Valid throughput is the phase's valid messages
 * divided by the time from its first publish until its last telemetry row is stored; the flood
 * phases together must reach at least 80 % of the clean phases' throughput. Every valid message is
 * stored exactly once and every hostile one is dead-lettered exactly once with the codec's reason.
 */
class HostileGatewayDrill {
  private static final double FLOOD_SHARE = 0.10;

  /** Valid messages per measured phase: the same in every phase, so the rates compare. */
  private static final int PHASE_MESSAGES = 6_000;

  private static final int OVERSIZE_PER_FLOOD_PHASE = 5;
  private static final int OVERSIZE_BYTES = (1 << 20) + 1024;

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  private record Phase(String name, DrillTraffic traffic, long validMessages, boolean flood) {}

  @Test
  void aFloodOfHostilePayloadsIsDeadLetteredWithoutSlowingValidTrafficByMoreThanAFifth()
      throws Exception {
    List<Phase> phases = new ArrayList<>();
    phases.add(phase("warm-up", 9_050, 6_000, false));
    // ABBA twice: a steady drift of the machine's speed affects both kinds of phase alike.
    String order = "CFFCCFFC";
    for (int i = 0; i < order.length(); i++) {
      boolean flood = order.charAt(i) == 'F';
      phases.add(phase((flood ? "flood-" : "clean-") + (i + 1), 9_051 + i, PHASE_MESSAGES, flood));
    }
    DrillTraffic all = DrillTraffic.empty();
    phases.forEach(p -> all.addAll(p.traffic()));

    String group = "drill5" + UUID.randomUUID().toString().substring(0, 8);
    try (DrillBroker broker = DrillBroker.start(dir);
        TestDatabase db = TestDatabase.create();
        ExecutorService background = Executors.newSingleThreadExecutor()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options = DrillPipeline.options(broker.uri(), db.jdbcUrl(), group);
      JobClient job =
          DrillPipeline.start(
              "hostile-gateway-drill", options, new Configuration(), DrillPipeline.passThrough());
      try (GatewayPublisher gateways = new GatewayPublisher(broker.uri(), 100, () -> true)) {
        new DrillPipeline.Probe(broker.uri()).awaitStored(db, Duration.ofMinutes(1));
        long expectedDeadLetters = 0;
        StringBuilder rates = new StringBuilder();
        double cleanMessages = 0;
        double cleanSeconds = 0;
        double floodMessages = 0;
        double floodSeconds = 0;
        for (Phase phase : phases) {
          long before = telemetryRows(db);
          long total = phase.traffic().telemetryKeys().size();
          long[] crossedNs = {-1, -1};
          long start = System.nanoTime();
          Future<?> publishing =
              background.submit(
                  () -> {
                    gateways.publishAll(phase.traffic().messages());
                    return null;
                  });
          try {
            await()
                // Generous: other builds share this machine's two cores.
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(20))
                .until(
                    () -> {
                      long stored = telemetryRows(db) - before;
                      long now = System.nanoTime();
                      if (crossedNs[0] < 0 && stored >= total / 10) {
                        crossedNs[0] = now;
                      }
                      if (crossedNs[1] < 0 && stored >= total * 9 / 10) {
                        crossedNs[1] = now;
                      }
                      return stored >= total;
                    });
          } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                phase.name() + " did not complete: " + missing(db, phase.traffic()), e);
          }
          publishing.get();
          double seconds = (System.nanoTime() - start) / 1e9;
          // Steady-state rate between 10 % and 90 % of the phase's rows: leaves out the start-up
          // and the last partial batch, which waits up to the sink's 1 s flush interval.
          double steadySeconds = (crossedNs[1] - crossedNs[0]) / 1e9;
          double steadyMessages = phase.validMessages() * 0.8;
          expectedDeadLetters += phase.traffic().expectedDeadLetters();
          long deadLettersTarget = expectedDeadLetters;
          // Phases must not overlap: wait for the dead letters too before the next one.
          await()
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(50))
              .until(() -> db.queryLong("SELECT count(*) FROM dead_letter") >= deadLettersTarget);
          rates.append(
              String.format(
                  "%s %d valid + %d hostile, all stored in %.2f s, 10-90 %% in %.2f s = %.0f"
                      + " valid msg/s; ",
                  phase.name(),
                  phase.validMessages(),
                  phase.traffic().hostile(),
                  seconds,
                  steadySeconds,
                  steadyMessages / steadySeconds));
          if (phase.name().startsWith("clean")) {
            cleanMessages += steadyMessages;
            cleanSeconds += steadySeconds;
          } else if (phase.flood()) {
            floodMessages += steadyMessages;
            floodSeconds += steadySeconds;
          }
        }
        double cleanRate = cleanMessages / cleanSeconds;
        double floodRate = floodMessages / floodSeconds;
        double slowdown = 1 - floodRate / cleanRate;

        DrillAccounting accounting =
            DrillAccounting.await("hostile-gateways", all, gateways, db, Duration.ofMinutes(1));
        Map<String, Object> oversizeRow =
            db.query(
                    "SELECT max(payload_bytes) AS bytes, max(length(payload_prefix)) AS kept"
                        + " FROM dead_letter WHERE reason = 'PAYLOAD_TOO_LARGE'")
                .getFirst();
        System.out.println(
            accounting.line()
                + String.format(
                    " | rates: %svalid throughput clean %.0f msg/s, with 10 %% flood %.0f msg/s,"
                        + " slowdown %.1f %% | oversize payloads of %s bytes kept %s bytes",
                    rates,
                    cleanRate,
                    floodRate,
                    slowdown * 100,
                    oversizeRow.get("bytes"),
                    oversizeRow.get("kept")));

        accounting.assertExact();
        long floodPhases = phases.stream().filter(Phase::flood).count();
        assertThat(accounting.deadLettersByReason())
            .containsEntry("PAYLOAD_TOO_LARGE", floodPhases * OVERSIZE_PER_FLOOD_PHASE)
            .containsKey("VIN_TOPIC_MISMATCH")
            .containsEntry(
                "VIN_TOPIC_MISMATCH", all.deadLettersByReason().get("VIN_TOPIC_MISMATCH"));
        assertThat(((Number) oversizeRow.get("kept")).intValue()).isEqualTo(4096);
        assertThat(slowdown).as("valid-traffic slowdown under the flood").isLessThanOrEqualTo(0.20);
      } finally {
        job.cancel().get();
      }
    }
  }

  /**
   * The first {@code messages} messages of a fresh fleet; with {@code flood}, hostile payloads make
   * up 10 % of the phase's traffic.
   */
  private static Phase phase(String name, long seed, int messages, boolean flood) throws Exception {
    DrillTraffic simulated =
        DrillTraffic.simulate(
            SimulatorOptions.builder()
                .seed(seed)
                .vehicles(24)
                .days(1)
                .start(Instant.parse("2026-03-02T00:00:00Z"))
                .samplesPerMessage(10)
                .build());
    assertThat(simulated.messages()).hasSizeGreaterThanOrEqualTo(messages);
    DrillTraffic traffic = DrillTraffic.empty();
    simulated.messages().stream()
        .limit(messages)
        .forEach(m -> traffic.add(m.topic(), m.payload(), m.retained()));
    long valid = traffic.messages().size();
    if (flood) {
      int hostile = (int) Math.round(valid * FLOOD_SHARE / (1 - FLOOD_SHARE));
      List<DrillMessage> extra =
          new ArrayList<>(
              HostilePayloads.flood(traffic.messages(), hostile - OVERSIZE_PER_FLOOD_PHASE));
      extra.addAll(
          HostilePayloads.oversize(traffic.messages(), OVERSIZE_PER_FLOOD_PHASE, OVERSIZE_BYTES));
      traffic.interleave(extra);
    }
    return new Phase(name, traffic, valid, flood);
  }

  /** The phase's telemetry messages without a row (at most 20), for the failure message. */
  private static String missing(TestDatabase db, DrillTraffic traffic) throws Exception {
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (Map<String, Object> row : db.query("SELECT vin, seq FROM telemetry_batch")) {
      stored.add(DrillTraffic.key((String) row.get("vin"), ((Number) row.get("seq")).longValue()));
    }
    List<String> missing =
        traffic.telemetryKeys().stream().filter(k -> !stored.contains(k)).sorted().toList();
    return missing.size() + " missing, e.g. " + missing.subList(0, Math.min(20, missing.size()));
  }

  private static long telemetryRows(TestDatabase db) throws Exception {
    return db.queryLong(
        "SELECT count(*) FROM telemetry_batch WHERE vin <> '" + DrillPipeline.PROBE_VIN + "'");
  }
}
