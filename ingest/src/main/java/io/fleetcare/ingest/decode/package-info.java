/**
 * Decoding received MQTT messages into wire-contract messages, with a dead-letter side output for
 * everything the contract rejects.
 */
package io.fleetcare.ingest.decode;
