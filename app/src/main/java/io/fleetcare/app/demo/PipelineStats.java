package io.fleetcare.app.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the pipeline has stored so far, read from the database the job writes to.
 *
 * @param messagesStored telemetry messages whose distance and fuel rows are stored
 * @param samplesStored samples in those messages
 * @param vehicles vehicles with at least one row
 * @param distanceKm total distance stored
 * @param fuelL total fuel stored
 * @param deadLetters rejected payloads stored
 */
public record PipelineStats(
    long messagesStored,
    long samplesStored,
    long vehicles,
    double distanceKm,
    double fuelL,
    long deadLetters) {

  /** Reads the current figures. */
  public static PipelineStats read(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      long deadLetters;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM dead_letter")) {
        rs.next();
        deadLetters = rs.getLong(1);
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(sum(messages), 0), coalesce(sum(samples), 0), count(*),"
                  + " coalesce(sum(distance_km), 0), coalesce(sum(fuel_l), 0) FROM vehicle_totals WHERE vin <> '"
                  + PipelineReadiness.PROBE_VIN
                  + "'")) {
        rs.next();
        return new PipelineStats(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getDouble(4),
            rs.getDouble(5),
            deadLetters);
      }
    }
  }
}
