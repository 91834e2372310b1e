package io.fleetcare.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.core.workorder.WorkOrderMessage;
import io.fleetcare.core.workorder.WorkOrderTopic;
import io.fleetcare.ingest.decode.DeadLetter;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.fleet.VehicleSpec;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import io.fleetcare.streamjobs.planner.MqttWorkOrderSink;
import io.fleetcare.streamjobs.planner.MqttWorkOrderSinkOptions;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import io.fleetcare.streamjobs.sink.JdbcBatchSink;
import io.fleetcare.streamjobs.sink.JdbcSinkOptions;
import io.fleetcare.streamjobs.sink.WorkOrderPlanBinder;
import io.fleetcare.streamjobs.testing.CollectingSink;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner part of the telemetry job end to end, on a Flink MiniCluster at parallelism 2: a
 * small simulated fleet with ground truth → the job → work orders on the real broker's {@code
 * fleet/service/{dealerId}/work-orders} topics and in the job's {@code work_order_plan} table,
 * checked against what the simulator knows really happened.
 */
class PlannerPipelineIT {
  private static final String BROKER =
      System.getenv().getOrDefault("FLEETCARE_TEST_BROKER", "tcp://127.0.0.1:1883");
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void aSimulatedFleetGetsTheOrdersItsGroundTruthCallsFor() throws Exception {
    Path truthFile = dir.resolve("truth.jsonl");
    SimulatorOptions sim =
        SimulatorOptions.builder()
            .seed(Long.getLong("planner.it.seed", 70_707_007L))
            .vehicles(Integer.getInteger("planner.it.vehicles", 10))
            .days(Double.parseDouble(System.getProperty("planner.it.days", "45")))
            .start(Instant.parse("2026-03-02T00:00:00Z"))
            .sampleIntervalS(10)
            .samplesPerMessage(30)
            .groundTruthFile(truthFile)
            .build();
    FleetSimulator simulator = new FleetSimulator(sim);
    List<VehicleSpec> fleet = simulator.fleet();
    List<MqttRecord> records = new ArrayList<>();
    simulator.run(
        (topic, payload, retained) ->
            records.add(MqttRecord.of(topic, payload, System.currentTimeMillis())));
    List<JsonNode> truth = new ArrayList<>();
    for (String line : Files.readAllLines(truthFile)) {
      truth.add(JSON.readTree(line));
    }
    Set<String> vins = fleet.stream().map(VehicleSpec::vin).collect(Collectors.toSet());

    List<MqttMessage> received = new CopyOnWriteArrayList<>();
    MqttClient subscriber =
        new MqttClient(BROKER, "planner-pipeline-it-" + UUID.randomUUID(), new MemoryPersistence());
    subscriber.setCallback(new Collecting(received));
    subscriber.connect();
    subscriber.subscribe(WorkOrderTopic.ALL_DEALERS, 1);

    try (TestDatabase db = TestDatabase.create();
        CollectingSink<SignalPoint> signals = new CollectingSink<>()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options =
          TelemetryJobOptions.defaults(BROKER, db.jdbcUrl())
              .withCheckpointing(Duration.ofSeconds(1), 2);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      TelemetryJob.configure(env, options);
      TelemetryJob.build(
          env.fromData(records).name("simulated-records"),
          new TelemetryJob.Sinks(
              new DiscardingSink<TelemetryBatchRow>(),
              new DiscardingSink<DeadLetter>(),
              new DiscardingSink<Trip>(),
              signals,
              new DiscardingSink<UsageProfileSnapshot>(),
              new DiscardingSink<FaultCodeChange>(),
              new MqttWorkOrderSink(
                  MqttWorkOrderSinkOptions.defaults(BROKER)
                      .withClientIdPrefix("planner-pipeline-it-" + UUID.randomUUID())),
              new JdbcBatchSink<>(
                  JdbcSinkOptions.defaults(db.jdbcUrl()), new WorkOrderPlanBinder()),
              new DiscardingSink<ComponentForecast>()),
          options);
      env.execute("planner-pipeline-it");

      // The job has finished: every order is in the table and was acknowledged by the broker.
      long rows = db.queryLong("SELECT count(*) FROM work_order_plan");
      WorkOrderMessage codec = new WorkOrderMessage();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ours(received, codec, vins).size() >= rows);
      List<WorkOrder> orders = ours(received, codec, vins);
      if (Boolean.getBoolean("planner.it.report")) {
        report(fleet, truth, orders, signals.results());
      }

      // Topic and table hold the same order versions.
      assertThat(rows).isPositive();
      assertThat(orders).hasSize((int) rows);
      Set<String> versions =
          orders.stream()
              .map(o -> o.id() + "@" + o.createdAt().toEpochMilli())
              .collect(Collectors.toSet());
      assertThat(
              db
                  .query(
                      "SELECT id::text AS id, (extract(epoch FROM planned_at) * 1000)::bigint AS ms"
                          + " FROM work_order_plan")
                  .stream()
                  .map(r -> r.get("id") + "@" + r.get("ms"))
                  .collect(Collectors.toSet()))
          .isEqualTo(versions);
      Map<String, String> dealerOf =
          fleet.stream().collect(Collectors.toMap(VehicleSpec::vin, v -> v.profile().dealerId()));
      assertThat(orders).allMatch(o -> o.dealerId().equals(dealerOf.get(o.vin())));

      checkAgainstGroundTruth(fleet, truth, orders, sim.start());
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }
  }

  /**
   * What the simulator's ground truth calls for, within what the planner can see: a fault code an
   * order the day it is set; a mileage milestone an order before it (when the car reports its
   * odometer and was watched for at least a week before); a trade-in offer for exactly the cars
   * older than five years; a 12 V battery order only for a car whose battery really crosses 9.6 V.
   */
  private static void checkAgainstGroundTruth(
      List<VehicleSpec> fleet, List<JsonNode> truth, List<WorkOrder> orders, Instant start) {
    Map<String, List<WorkOrder>> byVinType =
        orders.stream().collect(Collectors.groupingBy(o -> o.vin() + "/" + o.type().code()));
    // A car without an odometer signal has no known milestone until a service reads it.
    Set<String> reportsOdometer =
        fleet.stream()
            .filter(VehicleSpec::reportsOdometer)
            .map(VehicleSpec::vin)
            .collect(Collectors.toSet());
    int faults = 0;
    int milestones = 0;
    for (JsonNode t : crossings(truth)) {
      String vin = t.get("vin").asText();
      String component = t.get("component").asText();
      Instant at = Instant.ofEpochMilli(t.get("ts").asLong());
      List<WorkOrder> mine = byVinType.getOrDefault(vin + "/" + component, List.of());
      if (component.equals("FAULT_CODE")) {
        faults++;
        assertThat(mine)
            .as("FAULT_CODE order for %s set at %s", t.get("detail").asText(), at)
            .anySatisfy(
                o ->
                    assertThat(Duration.between(at, o.createdAt()))
                        .isBetween(Duration.ZERO, Duration.ofDays(1)));
      } else if (component.equals("MILEAGE_SERVICE")
          && reportsOdometer.contains(vin)
          && at.isAfter(start.plus(Duration.ofDays(8)))) {
        milestones++;
        assertThat(mine)
            .as("MILEAGE_SERVICE order for %s before %s", vin, at)
            .anySatisfy(
                o ->
                    assertThat(Duration.between(o.createdAt(), at))
                        .isBetween(Duration.ofDays(1), Duration.ofDays(16)));
      }
    }
    assertThat(faults + milestones).as("the fleet has ground truth to check").isPositive();

    int year = start.atZone(ZoneOffset.UTC).getYear();
    Set<String> old =
        fleet.stream()
            .filter(v -> year - v.profile().modelYear() > 5)
            .map(VehicleSpec::vin)
            .collect(Collectors.toSet());
    assertThat(old).isNotEmpty();
    assertThat(
            orders.stream()
                .filter(o -> o.type().code().equals("CARE_TRADE_IN"))
                .map(WorkOrder::vin)
                .toList())
        .containsExactlyInAnyOrderElementsOf(old);

    Set<String> weakBatteries =
        crossings(truth).stream()
            .filter(t -> t.get("component").asText().equals("BATTERY_12V"))
            .map(t -> t.get("vin").asText())
            .collect(Collectors.toSet());
    assertThat(
            orders.stream()
                .filter(o -> o.type().code().equals("BATTERY_12V"))
                .map(WorkOrder::vin)
                .collect(Collectors.toSet()))
        .as("12 V orders only for batteries that really cross 9.6 V")
        .isSubsetOf(weakBatteries);
  }

  private static List<JsonNode> crossings(List<JsonNode> truth) {
    return truth.stream().filter(t -> t.get("kind").asText().equals("THRESHOLD_CROSSED")).toList();
  }

  private static List<WorkOrder> ours(
      List<MqttMessage> received, WorkOrderMessage codec, Set<String> vins) {
    List<WorkOrder> out = new ArrayList<>();
    for (MqttMessage m : received) {
      WorkOrder o = codec.decode(m.getPayload());
      if (vins.contains(o.vin())) {
        out.add(o);
      }
    }
    return out;
  }

  private static void report(
      List<VehicleSpec> fleet,
      List<JsonNode> truth,
      List<WorkOrder> orders,
      List<SignalPoint> signals) {
    orders.stream()
        .collect(Collectors.groupingBy(o -> o.type().code()))
        .forEach(
            (type, versions) ->
                System.out.printf(
                    "SUMMARY %s orders=%d versions=%d vehicles=%s%n",
                    type,
                    versions.stream().map(WorkOrder::id).distinct().count(),
                    versions.size(),
                    versions.stream()
                        .map(o -> o.vin().substring(11))
                        .distinct()
                        .sorted()
                        .toList()));
    for (VehicleSpec v : fleet) {
      System.out.printf(
          "VEHICLE %s %s my=%d dealer=%s commute=%s odo=%.0f%n",
          v.vin(),
          v.powertrain(),
          v.profile().modelYear(),
          v.profile().dealerId(),
          v.usage(),
          v.initialOdometerKm());
    }
    for (JsonNode t : truth) {
      System.out.println("TRUTH " + Instant.ofEpochMilli(t.path("tsMs").asLong()) + " " + t);
    }
    for (WorkOrder o : orders) {
      System.out.println(
          "ORDER "
              + o.createdAt()
              + " "
              + o.vin()
              + " "
              + o.type()
              + " "
              + o.urgency()
              + " pred="
              + o.predictedDate()
              + " due="
              + o.dueFrom()
              + ".."
              + o.dueTo()
              + " p="
              + o.probability()
              + " "
              + o.evidenceJson());
    }
    for (SignalPoint p : signals) {
      if (p.name().startsWith("battery12v.cranking_min_v")
          || p.name().startsWith("battery12v.resting_v")) {
        System.out.println(
            "SIG "
                + p.vin()
                + " "
                + Instant.ofEpochMilli(p.tsMs())
                + " "
                + p.name()
                + " "
                + p.value());
      }
    }
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
