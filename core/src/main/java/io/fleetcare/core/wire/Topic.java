package io.fleetcare.core.wire;

import java.util.Optional;

/**
 * A parsed per-vehicle topic {@code fleet/{vin}/{kind}}.
 *
 * @param vin the VIN level of the topic, as published (not validated here)
 * @param kind which of the vehicle topics it is
 */
public record Topic(String vin, TopicKind kind) {
  /** First topic level of every Fleetcare topic. */
  public static final String ROOT = "fleet";

  /**
   * Parses {@code fleet/{vin}/{telemetry|events|profile}}; empty for any other topic, including
   * subscription filters (a VIN level holding the wildcard {@code +} or {@code #}).
   */
  public static Optional<Topic> parse(String topic) {
    String[] levels = topic.split("/", -1);
    if (levels.length != 3
        || !ROOT.equals(levels[0])
        || levels[1].isEmpty()
        || levels[1].contains("+")
        || levels[1].contains("#")) {
      return Optional.empty();
    }
    for (TopicKind kind : TopicKind.values()) {
      if (kind.suffix().equals(levels[2])) {
        return Optional.of(new Topic(levels[1], kind));
      }
    }
    return Optional.empty();
  }

  /** The topic a vehicle publishes {@code kind} messages on. */
  public static String of(String vin, TopicKind kind) {
    return ROOT + "/" + vin + "/" + kind.suffix();
  }

  /**
   * Subscription filter for one kind of message from every vehicle, e.g. {@code fleet/+/telemetry}.
   */
  public static String allVehicles(TopicKind kind) {
    return ROOT + "/+/" + kind.suffix();
  }

  /**
   * MQTT 5 shared-subscription filter that spreads {@code kind} messages over a group's readers.
   */
  public static String shared(String group, TopicKind kind) {
    return "$share/" + group + "/" + allVehicles(kind);
  }

  /** The topic string. */
  @Override
  public String toString() {
    return of(vin, kind);
  }
}
