package io.fleetcare.streamjobs.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.streamjobs.testing.TestDatabase;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the database holds after a drill, compared message by message with what the gateways
 * published.
 *
 * @param drill the drill's name
 * @param published messages the broker acknowledged to the gateways (each counted once)
 * @param resent messages the gateways sent again because a PUBACK did not arrive
 * @param telemetryExpected distinct valid telemetry messages published
 * @param telemetryStored {@code telemetry_batch} rows of the published vehicles
 * @param lost valid telemetry messages without a row
 * @param telemetryDuplicates rows beyond one per (vin, seq)
 * @param unexpected rows of a (vin, seq) nobody published
 * @param samplesExpected samples in the valid telemetry messages
 * @param samplesStored samples in the stored rows
 * @param deadLettersExpected payloads the codec rejects
 * @param deadLettersStored {@code dead_letter} rows
 * @param deadLetterDuplicates dead-letter rows beyond one per distinct rejected payload
 * @param deadLettersByReason stored dead letters per reason
 * @param expectedByReason rejected payloads per reason
 */
record DrillAccounting(
    String drill,
    long published,
    long resent,
    long telemetryExpected,
    long telemetryStored,
    long lost,
    long telemetryDuplicates,
    long unexpected,
    long samplesExpected,
    long samplesStored,
    long deadLettersExpected,
    long deadLettersStored,
    long deadLetterDuplicates,
    Map<String, Long> deadLettersByReason,
    Map<String, Long> expectedByReason) {

  /** Reads the database of a drill; rows of {@code probeVin} are left out. */
  static DrillAccounting of(
      String drill,
      DrillTraffic traffic,
      long published,
      long resent,
      TestDatabase db,
      String probeVin)
      throws SQLException {
    List<Map<String, Object>> rows =
        db.query(
            "SELECT vin, seq, sample_count FROM telemetry_batch WHERE vin <> '" + probeVin + "'");
    Set<String> seen = new HashSet<>();
    Map<String, Long> unexpectedKeys = new HashMap<>();
    long duplicates = 0;
    long samplesStored = 0;
    for (Map<String, Object> row : rows) {
      String key = DrillTraffic.key((String) row.get("vin"), ((Number) row.get("seq")).longValue());
      samplesStored += ((Number) row.get("sample_count")).longValue();
      if (!seen.add(key)) {
        duplicates++;
      } else if (!traffic.telemetryKeys().contains(key)) {
        unexpectedKeys.merge(key, 1L, Long::sum);
      }
    }
    long lost = traffic.telemetryKeys().stream().filter(k -> !seen.contains(k)).count();
    Map<String, Long> byReason = new TreeMap<>();
    for (Map<String, Object> r :
        db.query("SELECT reason, count(*) AS n FROM dead_letter GROUP BY reason")) {
      byReason.put((String) r.get("reason"), ((Number) r.get("n")).longValue());
    }
    long deadLetters = byReason.values().stream().mapToLong(Long::longValue).sum();
    // Every hostile payload a drill publishes differs from the others in its first bytes.
    long deadLetterDuplicates =
        deadLetters
            - db.queryLong(
                "SELECT count(DISTINCT (topic, payload_bytes, md5(payload_prefix))) FROM dead_letter");
    return new DrillAccounting(
        drill,
        published,
        resent,
        traffic.telemetryKeys().size(),
        rows.size(),
        lost,
        duplicates,
        unexpectedKeys.size(),
        traffic.samples(),
        samplesStored,
        traffic.expectedDeadLetters(),
        deadLetters,
        deadLetterDuplicates,
        byReason,
        traffic.deadLettersByReason());
  }

  /**
   * Waits until every published message is accounted for (or {@code atMost} passes), then reads the
   * final accounting once more after a few checkpoints, so late duplicates would show.
   */
  static DrillAccounting await(
      String drill,
      DrillTraffic traffic,
      GatewayPublisher publisher,
      TestDatabase db,
      java.time.Duration atMost)
      throws Exception {
    try {
      org.awaitility.Awaitility.await()
          .atMost(atMost)
          .pollInterval(java.time.Duration.ofMillis(500))
          .until(
              () ->
                  of(
                          drill,
                          traffic,
                          publisher.acknowledged(),
                          publisher.resends(),
                          db,
                          DrillPipeline.PROBE_VIN)
                      .complete());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Fall through: the assertions say what is missing.
    }
    Thread.sleep(3_000);
    return of(
        drill, traffic, publisher.acknowledged(), publisher.resends(), db, DrillPipeline.PROBE_VIN);
  }

  /** Everything has arrived (the drill may still find duplicates or strays). */
  boolean complete() {
    return lost == 0 && deadLettersStored >= deadLettersExpected;
  }

  long duplicates() {
    return telemetryDuplicates + deadLetterDuplicates;
  }

  /** The accounting line the drill prints. */
  String line() {
    return String.format(
        "DRILL %s: published %d (re-sent %d) | telemetry stored %d of %d, samples %d of %d |"
            + " dead-lettered %d of %d %s | lost %d | duplicates %d (telemetry %d, dead letters"
            + " %d) | unexpected rows %d",
        drill,
        published,
        resent,
        telemetryStored,
        telemetryExpected,
        samplesStored,
        samplesExpected,
        deadLettersStored,
        deadLettersExpected,
        deadLettersByReason,
        lost,
        duplicates(),
        telemetryDuplicates,
        deadLetterDuplicates,
        unexpected);
  }

  /** Zero loss, zero duplicates, nothing invented, every rejection with its reason. */
  void assertExact() {
    assertThat(lost).as("lost telemetry messages; " + line()).isZero();
    assertThat(telemetryDuplicates).as("duplicate telemetry rows; " + line()).isZero();
    assertThat(unexpected).as("rows nobody published; " + line()).isZero();
    assertThat(telemetryStored).as(line()).isEqualTo(telemetryExpected);
    assertThat(samplesStored).as(line()).isEqualTo(samplesExpected);
    assertThat(deadLetterDuplicates).as("duplicate dead letters; " + line()).isZero();
    assertThat(deadLettersByReason).as(line()).isEqualTo(expectedByReason);
  }
}
