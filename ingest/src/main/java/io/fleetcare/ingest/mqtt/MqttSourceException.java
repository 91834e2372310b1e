package io.fleetcare.ingest.mqtt;

/** The MQTT source cannot work: broker unreachable, credentials or subscription refused. */
public final class MqttSourceException extends RuntimeException {
  public MqttSourceException(String message) {
    super(message);
  }

  public MqttSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
