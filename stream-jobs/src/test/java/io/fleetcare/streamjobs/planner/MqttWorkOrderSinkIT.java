package io.fleetcare.streamjobs.planner;

import static io.fleetcare.streamjobs.planner.PlannerFixtures.forecast;
import static io.fleetcare.streamjobs.planner.PlannerFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderTopic;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.drills.DrillBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planned orders reach {@code fleet/service/D001/work-orders} on the real broker, QoS 1. */
class MqttWorkOrderSinkIT {
  private static final String BROKER =
      System.getenv().getOrDefault("FLEETCARE_TEST_BROKER", "tcp://127.0.0.1:1883");

  @Test
  void publishesEveryOrderAndFlushWaitsForTheAcknowledgements() throws Exception {
    List<WorkOrder> orders = new ArrayList<>();
    WorkOrderPlanner planner = new WorkOrderPlanner(WorkOrderPlannerOptions.defaults());
    PlannerVehicleState vehicle = new PlannerVehicleState();
    KeyedStore<PlannerTypeState> types = KeyedStore.of(new HashMap<>());
    KeyedStore<Double> signals = KeyedStore.of(new HashMap<>());
    for (PlannerInput in :
        List.of(
            profile(2022),
            forecast(WorkOrderType.BRAKE_PADS, 0, 11, 0.8),
            forecast(WorkOrderType.TYRES, 0, 3, 0.9),
            forecast(WorkOrderType.BRAKE_PADS, 4, 5, 0.99))) {
      planner.onInput(vehicle, types, signals, in, orders::add);
    }
    assertThat(orders).hasSize(3);

    List<MqttMessage> received = new CopyOnWriteArrayList<>();
    MqttClient subscriber =
        new MqttClient(BROKER, "planner-sink-it-" + UUID.randomUUID(), new MemoryPersistence());
    subscriber.setCallback(new Collecting(received));
    subscriber.connect();
    subscriber.subscribe(WorkOrderTopic.of("D001"), 1);
    MqttWorkOrderSinkOptions options =
        new MqttWorkOrderSinkOptions(
            BROKER, "planner-sink-it-" + UUID.randomUUID(), 2, Duration.ofSeconds(30));
    try (MqttWorkOrderWriter writer = new MqttWorkOrderWriter(options, options.clientIdPrefix())) {
      for (WorkOrder o : orders) {
        writer.write(o, null);
      }
      writer.flush(false);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> received.stream().filter(m -> isOurs(m, orders)).count() == 3);
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }
    WorkOrderMessage codec = new WorkOrderMessage();
    List<WorkOrder> decoded =
        received.stream()
            .filter(m -> isOurs(m, orders))
            .map(m -> codec.decode(WorkOrderTopic.of("D001"), m.getPayload()))
            .toList();
    assertThat(decoded)
        .extracting(WorkOrder::id)
        .containsExactlyElementsOf(orders.stream().map(WorkOrder::id).toList());
    assertThat(received).filteredOn(m -> isOurs(m, orders)).allMatch(m -> m.getQos() == 1);
  }

  @Test
  void aBrokerRestartMidStreamIsRiddenOutBySendingTheLostPublishesAgain(@TempDir Path dir)
      throws Exception {
    List<WorkOrder> orders = plannedOrders();
    try (DrillBroker broker = DrillBroker.start(dir)) {
      MqttWorkOrderSinkOptions options =
          new MqttWorkOrderSinkOptions(
              broker.uri(),
              "planner-sink-restart-it-" + UUID.randomUUID(),
              500,
              Duration.ofSeconds(30));
      try (MqttWorkOrderWriter writer =
          new MqttWorkOrderWriter(options, options.clientIdPrefix())) {
        // Publish continuously while the broker goes down (SIGTERM) and comes back: publishes in
        // flight at that moment fail with the connection; they must be sent again, not fail.
        long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        Thread restart =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        Thread.sleep(1_000);
                        broker.stop();
                        Thread.sleep(2_000);
                        broker.start();
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    });
        int written = 0;
        while (System.nanoTime() < end || restart.isAlive()) {
          writer.write(orders.get(written % orders.size()), null);
          written++;
        }
        restart.join();
        writer.flush(false);

        // And it still publishes after the restart.
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        MqttClient subscriber =
            new MqttClient(
                broker.uri(), "planner-sink-it-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.setCallback(new Collecting(received));
        subscriber.connect();
        subscriber.subscribe(WorkOrderTopic.of("D001"), 1);
        try {
          for (WorkOrder o : orders) {
            writer.write(o, null);
          }
          writer.flush(false);
          org.awaitility.Awaitility.await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> received.stream().filter(m -> isOurs(m, orders)).count() >= 3);
        } finally {
          subscriber.disconnect();
          subscriber.close();
        }
        assertThat(written).isGreaterThan(orders.size());
      }
    }
  }

  private static List<WorkOrder> plannedOrders() throws Exception {
    List<WorkOrder> orders = new ArrayList<>();
    WorkOrderPlanner planner = new WorkOrderPlanner(WorkOrderPlannerOptions.defaults());
    PlannerVehicleState vehicle = new PlannerVehicleState();
    KeyedStore<PlannerTypeState> types = KeyedStore.of(new HashMap<>());
    KeyedStore<Double> signals = KeyedStore.of(new HashMap<>());
    for (PlannerInput in :
        List.of(
            profile(2022),
            forecast(WorkOrderType.BRAKE_PADS, 0, 11, 0.8),
            forecast(WorkOrderType.TYRES, 0, 3, 0.9),
            forecast(WorkOrderType.BRAKE_PADS, 4, 5, 0.99))) {
      planner.onInput(vehicle, types, signals, in, orders::add);
    }
    assertThat(orders).hasSize(3);
    return orders;
  }

  private static boolean isOurs(MqttMessage m, List<WorkOrder> orders) {
    String text = new String(m.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
    return orders.stream().anyMatch(o -> text.contains(o.id().toString()));
  }

  private record Collecting(List<MqttMessage> received) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(message);
    }

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
