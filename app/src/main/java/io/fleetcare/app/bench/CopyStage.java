package io.fleetcare.app.bench;

import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import io.fleetcare.streamjobs.distance.DistanceFuelProcessor;
import io.fleetcare.streamjobs.distance.DistanceFuelState;
import io.fleetcare.streamjobs.distance.TelemetryArchive;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database alone: the rows the job writes to {@code telemetry_batch} (same columns, same
 * distance/fuel and archive JSON, built by the job's own processor and archive classes), loaded
 * with one pgjdbc {@code COPY ... FROM STDIN} into a scratch copy of that table (same primary key
 * and index). The rows are built before the clock starts, so only the database's work is timed.
 */
final class CopyStage {
  /** What the COPY measured. */
  record Result(long rows, long bytes, double seconds) {
    double rowsPerS() {
      return rows / seconds;
    }

    double megabytesPerS() {
      return bytes / seconds / 1e6;
    }
  }

  private CopyStage() {}

  static Result run(Connection connection, BenchFleet fleet, int rows) throws Exception {
    byte[] csv = rows(fleet, rows);
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_copy");
      s.execute("CREATE TABLE bench_copy (LIKE telemetry_batch INCLUDING ALL)");
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    long t0 = System.nanoTime();
    long copied =
        copy.copyIn(
            "COPY bench_copy (vin, seq, first_ts, last_ts, sample_count, distance_km, fuel_l,"
                + " samples) FROM STDIN (FORMAT csv)",
            new ByteArrayInputStream(csv));
    double seconds = (System.nanoTime() - t0) / 1e9;
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE bench_copy");
    }
    return new Result(copied, csv.length, seconds);
  }

  /** {@code rows} telemetry_batch rows of the fleet as CSV. */
  static byte[] rows(BenchFleet fleet, int rows) {
    DistanceFuelProcessor processor = new DistanceFuelProcessor(120);
    DistanceFuelState[] states = new DistanceFuelState[fleet.size()];
    TelemetryArchive archive = new TelemetryArchive(new PayloadCodec());
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 1500);
    StringBuilder line = new StringBuilder(2048);
    for (int i = 0; i < rows; i++) {
      int v = i % fleet.size();
      if (states[v] == null) {
        states[v] = new DistanceFuelState();
      }
      TelemetryMessage m = fleet.nextMessage(v);
      DistanceFuelIncrement inc = processor.process(states[v], m);
      line.setLength(0);
      line.append(inc.vin())
          .append(',')
          .append(inc.seq())
          .append(',')
          .append(Instant.ofEpochMilli(inc.firstTsMs()))
          .append(',')
          .append(Instant.ofEpochMilli(inc.lastTsMs()))
          .append(',')
          .append(inc.samples())
          .append(',')
          .append(inc.distanceKm())
          .append(',')
          .append(inc.fuelL())
          .append(",\"")
          .append(archive.json(m).replace("\"", "\"\""))
          .append("\"\n");
      out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
