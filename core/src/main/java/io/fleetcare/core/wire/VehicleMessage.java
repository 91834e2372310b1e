package io.fleetcare.core.wire;

/** Any message a vehicle (or its gateway) publishes under wire contract v1. */
public sealed interface VehicleMessage permits TelemetryMessage, EventMessage, VehicleProfile {
  /** The VIN of the vehicle, equal to the VIN in the topic. */
  String vin();
}
