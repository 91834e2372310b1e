package io.fleetcare.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.ingest.mqtt.MqttSource;
import io.fleetcare.ingest.mqtt.MqttSourceOptions;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulationSummary;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.VehicleSummary;
import io.fleetcare.simulator.fleet.VehicleSpec;
import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.testing.PrivateMosquitto;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5's fleet run: a 50-vehicle, 60-day simulated fleet through MQTT (a Mosquitto of the
 * test's own with the shipped configuration) → the whole telemetry job on a Flink MiniCluster
 * (parallelism 2) → PostgreSQL. Checks, per vehicle, the stored distance and fuel against the
 * simulator's totals (1 %), and for cars without a pad-wear sensor the friction-braking energy the
 * brake estimate is built on against the simulator's physics, and the estimated wear against the
 * ground truth at the end of the run.
 *
 * <p>Samples every second (the simulator's default): the brake estimate needs the speed trace at
 * the resolution braking happens in (see docs/signals.md, "Brake wear"); 300 samples per message.
 *
 * <p>A vehicle's first messages can reach the job out of order (the two readers of the shared
 * subscription): distance-fuel integrates such a straggler on its own (docs/signals.md).
 */
class FleetPipelineIT {
  private static final int VEHICLES = 50;
  private static final int DAYS = 60;
  private static final String PROBE_VIN = "WFLZZZPRBE0000002";

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void fiftyVehiclesSixtyDaysMatchTheSimulator(@TempDir Path dir) throws Exception {
    String group = "fleet" + UUID.randomUUID().toString().substring(0, 8);
    long started = System.nanoTime();
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir);
        TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions defaults =
          TelemetryJobOptions.defaults(broker.uri(), db.jdbcUrl())
              .withSharedGroup(group)
              .withCheckpointing(Duration.ofMillis(500), 2);
      // The publisher runs minutes ahead of the job, so the two readers of the shared subscription
      // drift apart by more than the default 10 s gap timeout; a message released after its gap
      // was skipped comes after its successors and distance-fuel ignores its samples (measured:
      // 1FCP2JG92PS000001 stored 963 km of 1,096). Give gaps as long as the backlog can last.
      TelemetryJobOptions options =
          new TelemetryJobOptions(
              defaults.brokerUrl(),
              defaults.jdbcUrl(),
              defaults.sharedGroup(),
              defaults.parallelism(),
              defaults.checkpointInterval(),
              Duration.ofMinutes(30),
              defaults.maxSampleGap(),
              defaults.vehicleIdleTimeout(),
              defaults.modelDirectory());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      MqttSource source =
          new MqttSource(
              MqttSourceOptions.builder(broker.uri())
                  .topicFilters(List.of("fleet/+/telemetry", "fleet/+/events", "fleet/+/profile"))
                  .sharedGroup(group)
                  .clientIdPrefix(group)
                  .sessionExpiry(Duration.ofMinutes(10))
                  // Messages of 300 samples are ~100 KB and are acknowledged only at checkpoints:
                  // this many in flight per reader bounds what is held to ~100 MB, and is what
                  // sets the throughput.
                  .receiveMaximum(1_000)
                  .build());
      TelemetryJob.build(env, source, TelemetryJob.jdbcSinks(options), options);
      JobClient job = env.executeAsync("fleet-it");
      try {
        SimulatorOptions simOptions =
            SimulatorOptions.builder()
                .seed(5)
                .vehicles(VEHICLES)
                .days(DAYS)
                .start(Instant.parse("2026-03-02T00:00:00Z"))
                .sampleIntervalS(1)
                .samplesPerMessage(300)
                .build();
        FleetSimulator simulator = new FleetSimulator(simOptions);
        waitUntilTheJobStoresAProbe(broker.uri(), db);
        SimulationSummary summary;
        try (MqttPublisher publisher =
            new MqttPublisher(
                new MqttPublisherOptions(
                    broker.uri(), "sim-" + group, 1, 200, 10, 600, null, null))) {
          summary = simulator.run(publisher);
        }
        long published = System.nanoTime();
        long trips = summary.vehicles().stream().mapToLong(VehicleSummary::trips).sum();
        await()
            .atMost(Duration.ofMinutes(40))
            .pollInterval(Duration.ofSeconds(2))
            .untilAsserted(
                () ->
                    assertThat(
                            db.queryLong(
                                "SELECT count(*) FROM telemetry_batch WHERE vin <> '"
                                    + PROBE_VIN
                                    + "'"))
                        .as("telemetry messages stored")
                        .isEqualTo(summary.telemetryMessages()));
        // Brake figures come at each trip's end (ignition off). Telemetry and events are separate
        // topics whose relative order the job does not restore, so their count need not equal the
        // simulator's trips: wait until no more arrive.
        long[] brakeRows = {-1};
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofSeconds(10))
            .until(
                () -> {
                  long n =
                      db.queryLong(
                          "SELECT count(*) FROM vehicle_signal WHERE name = '"
                              + SignalNames.BRAKE_FRICTION_ENERGY_MJ
                              + "'");
                  boolean settled = n > 0 && n == brakeRows[0];
                  brakeRows[0] = n;
                  return settled;
                });
        long stored = System.nanoTime();
        System.out.printf(
            "fleet run: %d telemetry messages, %d samples, %d trips (%d brake figures), %.0f km;"
                + " published in %.0f s, stored %.0f s later%n",
            summary.telemetryMessages(),
            summary.samples(),
            trips,
            brakeRows[0],
            summary.totalDistanceKm(),
            (published - started) / 1e9,
            (stored - published) / 1e9);

        checkDistanceAndFuel(db, summary);
        checkBrakes(db, simulator.fleet(), summary);
      } finally {
        job.cancel().get();
      }
    }
  }

  /**
   * The shared subscription exists only once a reader has subscribed; publishing earlier would lose
   * messages. A probe vehicle publishes until its row shows up in the database.
   */
  private static void waitUntilTheJobStoresAProbe(String brokerUri, TestDatabase db)
      throws Exception {
    PayloadCodec codec = new PayloadCodec();
    AtomicLong seq = new AtomicLong();
    try (MqttPublisher probe =
        new MqttPublisher(new MqttPublisherOptions(brokerUri, "probe-" + UUID.randomUUID(), 1))) {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                long s = seq.incrementAndGet();
                TelemetryMessage m =
                    new TelemetryMessage(
                        PROBE_VIN,
                        s,
                        List.of(
                            new Sample(
                                Instant.parse("2026-03-01T00:00:00Z").toEpochMilli() + s * 1000,
                                Map.of(SignalCatalogue.SPEED, 0.0))));
                probe.send(Topic.of(PROBE_VIN, TopicKind.TELEMETRY), codec.encode(m), false);
                return db.queryLong(
                        "SELECT count(*) FROM telemetry_batch WHERE vin = '" + PROBE_VIN + "'")
                    > 0;
              });
    }
  }

  private static void checkDistanceAndFuel(TestDatabase db, SimulationSummary summary)
      throws Exception {
    Map<String, Map<String, Object>> totals = new HashMap<>();
    for (Map<String, Object> row :
        db.query("SELECT vin, distance_km, fuel_l FROM vehicle_totals")) {
      totals.put((String) row.get("vin"), row);
    }
    double worstKmPct = 0;
    double worstFuelPct = 0;
    for (VehicleSummary v : summary.vehicles()) {
      Map<String, Object> row = totals.get(v.vin());
      assertThat(row).as("totals of %s", v.vin()).isNotNull();
      double km = ((Number) row.get("distance_km")).doubleValue();
      double fuel = ((Number) row.get("fuel_l")).doubleValue();
      assertThat(v.distanceKm()).isPositive();
      worstKmPct = Math.max(worstKmPct, Math.abs(km - v.distanceKm()) / v.distanceKm() * 100);
      if (v.fuelL() > 0) {
        worstFuelPct = Math.max(worstFuelPct, Math.abs(fuel - v.fuelL()) / v.fuelL() * 100);
      }
      assertThat(km)
          .as("distance of %s", v.vin())
          .isCloseTo(v.distanceKm(), within(v.distanceKm() * 0.01));
      assertThat(fuel)
          .as("fuel of %s", v.vin())
          .isCloseTo(v.fuelL(), within(v.fuelL() * 0.01 + 1e-9));
    }
    System.out.printf(
        "stored vs simulated, worst car: distance %.4f %%, fuel %.4f %%%n",
        worstKmPct, worstFuelPct);
  }

  private static void checkBrakes(
      TestDatabase db, List<VehicleSpec> fleet, SimulationSummary summary) throws Exception {
    Map<String, Double> frictionMJ = lastValues(db, SignalNames.BRAKE_FRICTION_ENERGY_MJ);
    Map<String, Double> accruedPct = lastValues(db, SignalNames.BRAKE_PAD_WEAR_ACCRUED_PCT);
    List<Double> wearErrors = new ArrayList<>();
    System.out.println(
        "vin               powertrain  friction_MJ est_MJ  err_%   wear_pp est_pp  err_%");
    for (int i = 0; i < fleet.size(); i++) {
      VehicleSpec spec = fleet.get(i);
      VehicleSummary v = summary.vehicles().get(i);
      if (spec.profile().hasPadWearSensor()) {
        continue;
      }
      double trueMJ = v.frictionBrakingMJ();
      double estMJ = frictionMJ.getOrDefault(v.vin(), 0.0);
      double mjError = (estMJ - trueMJ) / trueMJ * 100;
      // Wear since the later of the run's start and the last pad change, worst wheel.
      double truePct = 0;
      for (int w = 0; w < 4; w++) {
        truePct =
            Math.max(
                truePct, Math.min(v.padWearEndPercent().get(w), v.padWearGainedPercent().get(w)));
      }
      double estPct = accruedPct.getOrDefault(v.vin(), 0.0);
      double wearError = (estPct - truePct) / truePct * 100;
      System.out.printf(
          "%s %-10s %9.2f %8.2f %6.1f %8.3f %7.3f %6.1f%n",
          v.vin(), spec.powertrain(), trueMJ, estMJ, mjError, truePct, estPct, wearError);
      if (trueMJ < 1) {
        continue; // under ~0.02 % of wear: nothing to score
      }
      // The physics: each car's drag area and rolling resistance are not on the wire, and a BEV's
      // friction is the small remainder above its 60 kW regeneration, so their uncertainty
      // (±15 % each) weighs more there.
      double bound = spec.powertrain() == Powertrain.BEV ? 25 : 10;
      assertThat(Math.abs(mjError))
          .as("friction energy error of %s, %%", v.vin())
          .isLessThan(bound);
      wearErrors.add(wearError);
    }
    double[] sorted = wearErrors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] abs = wearErrors.stream().mapToDouble(Math::abs).sorted().toArray();
    long within10 = wearErrors.stream().filter(e -> Math.abs(e) <= 10).count();
    System.out.printf(
        "sensorless cars scored: %d; wear error median %+.1f %%, median |error| %.1f %%, 90th pct"
            + " |error| %.1f %%, within 10 %%: %d%n",
        sorted.length,
        median(sorted),
        median(abs),
        abs[(int) Math.round(0.9 * (abs.length - 1))],
        within10);
    assertThat(sorted).hasSizeGreaterThan(10);
    // Each car's pads wear at their own rate per MJ (the simulator draws it log-normal, sigma 0.2,
    // front and rear apart) and nothing on the wire tells it until a sensor reading or two pad
    // changes calibrate it, so single cars are off by their own rate (see BrakeWearFleetTest). This
    // only guards against a factor error in the prior.
    assertThat(Math.abs(median(sorted))).as("median wear error, %").isLessThan(50);
  }

  private static Map<String, Double> lastValues(TestDatabase db, String name) throws Exception {
    Map<String, Double> last = new HashMap<>();
    for (Map<String, Object> row :
        db.query(
            "SELECT DISTINCT ON (vin) vin, value FROM vehicle_signal WHERE name = '"
                + name
                + "' ORDER BY vin, ts DESC")) {
      last.put((String) row.get("vin"), ((Number) row.get("value")).doubleValue());
    }
    return last;
  }

  private static double median(double[] sorted) {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }
}
