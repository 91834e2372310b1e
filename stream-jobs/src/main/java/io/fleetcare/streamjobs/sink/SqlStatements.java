package io.fleetcare.streamjobs.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads SQL statements kept as files under {@code db/statements/} on the classpath. */
public final class SqlStatements {
  private SqlStatements() {}

  /** The text of {@code db/statements/<name>.sql}. */
  public static String load(String name) {
    String path = "/db/statements/" + name + ".sql";
    try (InputStream in = SqlStatements.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no SQL statement " + path + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
