package io.fleetcare.core.wire;

/** The per-vehicle MQTT topics of wire contract v1. */
public enum TopicKind {
  /** {@code fleet/{vin}/telemetry}: batches of timestamped signal samples. */
  TELEMETRY("telemetry"),
  /** {@code fleet/{vin}/events}: discrete vehicle events. */
  EVENTS("events"),
  /** {@code fleet/{vin}/profile} (retained): vehicle facts a stream cannot tell. */
  PROFILE("profile");

  private final String suffix;

  TopicKind(String suffix) {
    this.suffix = suffix;
  }

  /** Last topic level, e.g. {@code telemetry}. */
  public String suffix() {
    return suffix;
  }
}
