package io.fleetcare.streamjobs.drills;

/** One MQTT message a drill publishes. */
record DrillMessage(String topic, byte[] payload, boolean retained) {}
