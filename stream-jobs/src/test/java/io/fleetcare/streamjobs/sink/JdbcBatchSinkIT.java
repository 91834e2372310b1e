package io.fleetcare.streamjobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.ingest.decode.DeadLetter;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import io.fleetcare.streamjobs.testing.TcpProxy;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC sink against the real PostgreSQL: batches, end-of-input flush, idempotent replays. */
class JdbcBatchSinkIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final long T0 = Instant.parse("2026-03-02T07:30:00Z").toEpochMilli();

  @Test
  void writesEveryRowOnceEvenWhenTheSameRowsArriveTwice() throws Exception {
    List<TelemetryBatchRow> rows = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      rows.add(
          new TelemetryBatchRow(
              new DistanceFuelIncrement(
                  "WVWZZZ1JZXW00000" + (i % 7),
                  i,
                  T0 + i * 10_000L,
                  T0 + i * 10_000L + 9_000,
                  0.1,
                  0.01,
                  10),
              "{\"v\":1,\"seq\":" + i + "}"));
    }
    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      JdbcSinkOptions options =
          new JdbcSinkOptions(
              db.jdbcUrl(),
              100,
              Duration.ofMillis(200),
              Duration.ofMillis(50),
              Duration.ofSeconds(1));
      for (int run = 0; run < 2; run++) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(rows).sinkTo(new JdbcBatchSink<>(options, new TelemetryBatchRowBinder()));
        env.execute("jdbc-sink-it-" + run);
      }
      assertThat(db.queryLong("SELECT count(*) FROM telemetry_batch")).isEqualTo(1_234);
      assertThat(db.queryLong("SELECT round(sum(distance_km) * 10) FROM telemetry_batch"))
          .isEqualTo(1_234);
      assertThat(
              db.query("SELECT first_ts FROM telemetry_batch WHERE seq = 0")
                  .getFirst()
                  .get("first_ts")
                  .toString())
          .startsWith("2026-03-02 07:30:00");
    }
  }

  @Test
  void storesADeadLetterOncePerDistinctPayloadWhateverTimesItIsRedelivered() throws Exception {
    List<DeadLetter> letters = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String topic = "fleet/WVWZZZ1JZXW00000" + (i % 7) + "/telemetry";
      byte[] payload =
          ("{\"v\":1,\"seq\":" + i + ",\"samples\":[").getBytes(StandardCharsets.UTF_8);
      // Redelivery after a restart: same topic and bytes, decoded again at another time.
      letters.add(DeadLetter.of(topic, "MALFORMED_JSON", "truncated", payload, T0 + i));
      letters.add(DeadLetter.of(topic, "MALFORMED_JSON", "truncated", payload, T0 + 60_000 + i));
    }
    // Two large payloads that share their stored 4 KiB prefix but differ in size stay apart.
    byte[] large = new byte[5_000];
    letters.add(DeadLetter.of("fleet/x/telemetry", "MALFORMED_JSON", "", large, T0));
    letters.add(DeadLetter.of("fleet/x/telemetry", "MALFORMED_JSON", "", new byte[6_000], T0));
    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      JdbcSinkOptions options =
          new JdbcSinkOptions(
              db.jdbcUrl(),
              64,
              Duration.ofMillis(200),
              Duration.ofMillis(50),
              Duration.ofSeconds(1));
      for (int run = 0; run < 2; run++) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(letters).sinkTo(new JdbcBatchSink<>(options, new DeadLetterRowBinder()));
        env.execute("jdbc-dead-letter-it-" + run);
      }
      assertThat(db.queryLong("SELECT count(*) FROM dead_letter")).isEqualTo(302);
      assertThat(db.queryLong("SELECT count(DISTINCT topic) FROM dead_letter")).isEqualTo(8);
    }
  }

  @Test
  void anUpsertBatchHoldingTwoVersionsOfARowKeepsTheLaterOne() throws Exception {
    // One writer (parallelism 1) so that both versions of each vehicle land in one batch.
    List<UsageProfileSnapshot> profiles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String vin = "WVWZZZ1JZXW0000" + String.format("%02d", i % 20);
      profiles.add(new UsageProfileSnapshot(vin, T0 + i, i, 0.5, 10, 40, 0.1, 0.0, "commute"));
    }
    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.fromData(profiles)
          .sinkTo(
              new JdbcBatchSink<>(
                  JdbcSinkOptions.defaults(db.jdbcUrl()), new UsageProfileBinder()));
      env.execute("jdbc-upsert-it");
      assertThat(db.queryLong("SELECT count(*) FROM usage_profile")).isEqualTo(20);
      assertThat(db.queryLong("SELECT min(trips) FROM usage_profile")).isEqualTo(20);
    }
  }

  private static final AtomicLong ROWS_SEEN = new AtomicLong();
  private static volatile TcpProxy outageProxy;
  private static volatile ScheduledExecutorService restorer;

  /**
   * The database goes away mid-stream (connections reset, new ones refused) and comes back 3 s
   * later. With restarts off, the job only succeeds if the writer keeps retrying instead of failing
   * (pgjdbc before 42.7.12 threw an AssertionError out of executeBatch on a reset connection when
   * assertions were enabled, which the writer did not treat as a connection failure).
   */
  @Test
  void keepsRetryingThroughAnOutageAndWritesEveryRowOnce() throws Exception {
    List<TelemetryBatchRow> rows = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      rows.add(
          new TelemetryBatchRow(
              new DistanceFuelIncrement(
                  "WVWZZZ1JZXW00000" + (i % 7),
                  i,
                  T0 + i * 10_000L,
                  T0 + i * 10_000L + 9_000,
                  0.1,
                  0.01,
                  10),
              "{\"v\":1,\"seq\":" + i + "}"));
    }
    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      URI direct = URI.create(db.jdbcUrl().substring("jdbc:".length()));
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
      try (TcpProxy proxy = TcpProxy.start(direct.getHost(), direct.getPort())) {
        outageProxy = proxy;
        restorer = scheduler;
        ROWS_SEEN.set(0);
        JdbcSinkOptions options =
            new JdbcSinkOptions(
                "jdbc:postgresql://127.0.0.1:"
                    + proxy.port()
                    + direct.getRawPath()
                    + "?"
                    + direct.getRawQuery(),
                100,
                Duration.ofMillis(200),
                Duration.ofMillis(50),
                Duration.ofSeconds(1));
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
            StreamExecutionEnvironment.getExecutionEnvironment(noRestarts);
        env.setParallelism(1);
        env.fromData(rows)
            .map(new CutTheDatabaseOnce<>(1_000))
            .sinkTo(new JdbcBatchSink<>(options, new TelemetryBatchRowBinder()));
        env.execute("jdbc-sink-outage-it");
        assertThat(proxy.reset()).as("live connections were reset").isPositive();
      } finally {
        scheduler.shutdownNow();
      }
      assertThat(db.queryLong("SELECT count(*) FROM telemetry_batch")).isEqualTo(3_000);
    }
  }

  /** Cuts {@link #outageProxy} when the {@code at}-th row passes and restores it 3 s later. */
  private static final class CutTheDatabaseOnce<T> implements MapFunction<T, T> {
    private static final long serialVersionUID = 1L;
    private final long at;

    CutTheDatabaseOnce(long at) {
      this.at = at;
    }

    @Override
    public T map(T value) throws Exception {
      if (ROWS_SEEN.incrementAndGet() == at) {
        outageProxy.cut();
        restorer.schedule(
            () -> {
              outageProxy.restore();
              return null;
            },
            3,
            TimeUnit.SECONDS);
      }
      return value;
    }
  }
}
