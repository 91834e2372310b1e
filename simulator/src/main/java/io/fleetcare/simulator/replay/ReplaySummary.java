package io.fleetcare.simulator.replay;

import java.time.Instant;

/**
 * What a replay published.
 *
 * @param vin the VIN published as
 * @param rows data rows read (header excluded)
 * @param samples samples published (one per row that had at least one value)
 * @param telemetryMessages telemetry messages published
 * @param eventMessages event messages published
 * @param skippedRows rows without any mapped value, or without a readable time
 * @param invalidCells non-blank cells that were not numbers (left out of their sample)
 * @param firstSampleTime event time of the first sample (null when none)
 * @param lastSampleTime event time of the last sample (null when none)
 * @param lastTelemetrySeq seq of the last telemetry message (first - 1 when none)
 * @param lastEventSeq seq of the last event message (first - 1 when none)
 */
public record ReplaySummary(
    String vin,
    long rows,
    long samples,
    long telemetryMessages,
    long eventMessages,
    long skippedRows,
    long invalidCells,
    Instant firstSampleTime,
    Instant lastSampleTime,
    long lastTelemetrySeq,
    long lastEventSeq) {}
