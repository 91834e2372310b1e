package io.fleetcare.simulator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.fleet.VehicleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/** Publishes a small fleet to the Mosquitto on 127.0.0.1:1883 and counts what a subscriber gets. */
class MqttPublisherIT {
  private static final String BROKER = "tcp://127.0.0.1:1883";

  @Test
  void qos1PublisherDeliversEveryMessageBeforeCloseReturns() throws Exception {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(7_331_001)
            .vehicles(4)
            .days(0.5)
            .start(Instant.parse("2026-03-02T00:00:00Z"))
            .samplesPerMessage(20)
            .build();
    FleetSimulator simulator = new FleetSimulator(options);
    Set<String> ourVins =
        simulator.fleet().stream().map(VehicleSpec::vin).collect(Collectors.toSet());
    Map<String, AtomicLong> liveByKind = new ConcurrentHashMap<>();

    MqttClient subscriber =
        new MqttClient(BROKER, "simulator-it-sub-" + System.nanoTime(), new MemoryPersistence());
    subscriber.setCallback(
        new Callback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            String[] levels = topic.split("/");
            // Retained copies from earlier runs arrive flagged; count only live deliveries.
            if (levels.length == 3 && ourVins.contains(levels[1]) && !message.isRetained()) {
              liveByKind.computeIfAbsent(levels[2], k -> new AtomicLong()).incrementAndGet();
            }
          }
        });
    MqttConnectionOptions connect = new MqttConnectionOptions();
    connect.setCleanStart(true);
    subscriber.connect(connect);
    // Known trap: subscribe(topic, qos, listener) recurses in Paho 1.2.5; use the callback.
    subscriber.subscribe("fleet/#", 1);

    SimulationSummary summary;
    MqttPublisher publisher =
        new MqttPublisher(
            new MqttPublisherOptions(BROKER, "simulator-it-pub-" + System.nanoTime(), 1));
    try (publisher) {
      summary = simulator.run(publisher);
    }
    long total = summary.telemetryMessages() + summary.eventMessages() + summary.profileMessages();
    assertThat(publisher.acknowledged()).isEqualTo(total);

    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(count(liveByKind, "telemetry")).isEqualTo(summary.telemetryMessages());
                assertThat(count(liveByKind, "events")).isEqualTo(summary.eventMessages());
                assertThat(count(liveByKind, "profile")).isEqualTo(summary.profileMessages());
              });
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }
  }

  private static long count(Map<String, AtomicLong> counts, String kind) {
    AtomicLong c = counts.get(kind);
    return c == null ? 0 : c.get();
  }

  /** Only messageArrived matters here. */
  private abstract static class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
