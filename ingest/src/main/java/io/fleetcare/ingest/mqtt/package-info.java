/**
 * Flink source over MQTT 5: {@link io.fleetcare.ingest.mqtt.MqttSource}, its options, splits (one
 * persistent broker session each) and acknowledgement after checkpoints.
 */
package io.fleetcare.ingest.mqtt;
