package io.fleetcare.streamjobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbcBatchWriterTest {
  @Test
  void connectionAndResourceErrorsAreTransientDataErrorsAreNot() {
    assertThat(JdbcBatchWriter.isTransient(new SQLException("refused", "08001"))).isTrue();
    assertThat(JdbcBatchWriter.isTransient(new SQLException("shutdown", "57P01"))).isTrue();
    assertThat(JdbcBatchWriter.isTransient(new SQLException("disk full", "53100"))).isTrue();
    assertThat(JdbcBatchWriter.isTransient(new SQLException("serialization", "40001"))).isTrue();
    assertThat(
            JdbcBatchWriter.isTransient(
                new SQLException("wrapped", null, new SQLException("io", "08006"))))
        .isTrue();
    assertThat(JdbcBatchWriter.isTransient(new SQLException("bad value", "22P02"))).isFalse();
    assertThat(JdbcBatchWriter.isTransient(new SQLException("no table", "42P01"))).isFalse();
    assertThat(JdbcBatchWriter.isTransient(new SQLException("unknown"))).isFalse();
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> JdbcSinkOptions.defaults("jdbc:mysql://x"))
        .hasMessageContaining("jdbc:postgresql:");
    assertThatThrownBy(
            () ->
                new JdbcSinkOptions(
                    "jdbc:postgresql://h/db",
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofMillis(1),
                    Duration.ofSeconds(1)))
        .hasMessageContaining("batchSize");
  }

  @Test
  void batchesAreSentAsMultiRowInsertsUnlessTheUrlOrAnUpsertSaysOtherwise() {
    String insert = "INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING";
    assertThat(JdbcSinkOptions.defaults("jdbc:postgresql://h/db").connectionUrl(insert))
        .isEqualTo("jdbc:postgresql://h/db?reWriteBatchedInserts=true");
    assertThat(JdbcSinkOptions.defaults("jdbc:postgresql://h/db?user=u").connectionUrl(insert))
        .isEqualTo("jdbc:postgresql://h/db?user=u&reWriteBatchedInserts=true");
    assertThat(
            JdbcSinkOptions.defaults("jdbc:postgresql://h/db?reWriteBatchedInserts=false")
                .connectionUrl(insert))
        .isEqualTo("jdbc:postgresql://h/db?reWriteBatchedInserts=false");
    // Two versions of one row in a multi-row upsert fail the whole batch (SQLState 21000).
    assertThat(
            JdbcSinkOptions.defaults("jdbc:postgresql://h/db")
                .connectionUrl(SqlStatements.load("upsert_usage_profile")))
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void rowsWaitAtMostTwoHundredMillisecondsByDefault() {
    assertThat(JdbcSinkOptions.defaults("jdbc:postgresql://h/db").flushInterval())
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void nulCharactersCannotBreakTheDeadLetterSink() {
    assertThat(DeadLetterRowBinder.textSafe("fleet/\0/telemetry"))
        .isEqualTo("fleet/\\u0000/telemetry");
    assertThat(DeadLetterRowBinder.textSafe("plain")).isEqualTo("plain");
  }
}
