package io.fleetcare.app;

import io.fleetcare.simulator.JsonLinesSink;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where generated or replayed messages go: an MQTT broker, or a JSON-lines file. */
public final class SinkOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--qos",
      defaultValue = "1",
      description = "MQTT QoS, 0 or 1 (default: ${DEFAULT-VALUE})")
  int qos;

  static final class Target {
    @Option(
        names = "--broker",
        description = "Publish to this MQTT broker, e.g. tcp://127.0.0.1:1883")
    String broker;

    @Option(
        names = "--out",
        description = "Write messages to this JSON-lines file instead of publishing")
    Path out;
  }

  /** Opens the chosen sink. */
  public MessageSink open(String clientIdPrefix) throws Exception {
    if (target.out != null) {
      return new JsonLinesSink(target.out);
    }
    if (qos != 0 && qos != 1) {
      throw new IllegalArgumentException("--qos must be 0 or 1, was " + qos);
    }
    return new MqttPublisher(
        new MqttPublisherOptions(target.broker, clientIdPrefix + "-" + UUID.randomUUID(), qos));
  }

  /** Where the messages went, for the summary. */
  public String describe() {
    return target.out != null ? target.out.toString() : target.broker;
  }
}
