package io.fleetcare.streamjobs.sink;

import io.fleetcare.ingest.decode.DeadLetter;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds {@link DeadLetter}s to {@code insert_dead_letter.sql}. */
public final class DeadLetterRowBinder implements JdbcRowBinder<DeadLetter> {
  private static final long serialVersionUID = 1L;

  @Override
  public String statementName() {
    return "insert_dead_letter";
  }

  @Override
  public void bind(PreparedStatement s, DeadLetter row) throws SQLException {
    s.setObject(1, TelemetryBatchRowBinder.utc(row.receivedAtMs()));
    s.setString(2, textSafe(row.topic()));
    s.setString(3, row.reason());
    s.setString(4, textSafe(row.detail()));
    s.setBytes(5, row.payloadPrefix());
    s.setInt(6, row.payloadBytes());
  }

  /** PostgreSQL text cannot hold NUL; a hostile topic or detail must not fail the sink. */
  static String textSafe(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
  }
}
