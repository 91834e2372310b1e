package io.fleetcare.streamjobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.ingest.decode.DeadLetter;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
}
