package io.fleetcare.streamjobs.distance;

/**
 * A telemetry message as archived in {@code telemetry_batch}: its distance and fuel, and the
 * message itself as contract JSON with personal data (location) left out.
 *
 * @param increment distance and fuel the message adds
 * @param archivedJson the message as JSON, without personal-data signals
 */
public record TelemetryBatchRow(DistanceFuelIncrement increment, String archivedJson) {}
