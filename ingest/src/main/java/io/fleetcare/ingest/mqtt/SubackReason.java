package io.fleetcare.ingest.mqtt;

/** Human-readable names of the MQTT 5 SUBACK failure reason codes. */
final class SubackReason {
  private SubackReason() {}

  static String describe(int code) {
    return switch (code) {
      case 0x80 -> "unspecified error";
      case 0x83 -> "implementation specific error";
      case 0x87 -> "not authorized";
      case 0x8F -> "topic filter invalid";
      case 0x91 -> "packet identifier in use";
      case 0x97 -> "quota exceeded";
      case 0x9E -> "shared subscriptions not supported";
      case 0xA1 -> "subscription identifiers not supported";
      case 0xA2 -> "wildcard subscriptions not supported";
      default -> "unknown reason";
    };
  }
}
