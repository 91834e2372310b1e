package io.fleetcare.streamjobs.sink;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How one record type becomes a row: the statement (loaded from {@code db/statements/}) and the
 * binding of one record's values to its parameters. Statements must be idempotent (e.g. {@code ON
 * CONFLICT DO NOTHING}), because a restart from a checkpoint replays rows.
 */
public interface JdbcRowBinder<T> extends Serializable {
  /** Name of the statement file under {@code db/statements/}, without {@code .sql}. */
  String statementName();

  /** Binds {@code row} to the statement's parameters. */
  void bind(PreparedStatement statement, T row) throws SQLException;
}
