package io.fleetcare.streamjobs.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.sink.ForecastBinder;
import io.fleetcare.streamjobs.sink.JdbcBatchSink;
import io.fleetcare.streamjobs.sink.JdbcSinkOptions;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job on a MiniCluster (parallelism 2), fed a simulated fleet without a broker, writes
 * the predictor's forecasts to the {@code forecast} table: one row per vehicle, component and
 * finished day (the last simulated day is never closed, so it has none), stamped with the trend
 * prior's version when no model directory is given.
 */
class ForecastTableIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  void writesOneForecastPerVehicleComponentAndFinishedDay() throws Exception {
    List<MqttRecord> records = new ArrayList<>();
    new FleetSimulator(
            SimulatorOptions.builder()
                .seed(60601)
                .vehicles(4)
                .days(5)
                .start(Instant.parse("2026-03-02T00:00:00Z"))
                .sampleIntervalS(300)
                .samplesPerMessage(12)
                .threads(1)
                .build())
        .run((topic, payload, retained) -> records.add(MqttRecord.of(topic, payload, 0)));

    try (TestDatabase db = TestDatabase.create()) {
      SchemaMigrator.migrate(db.jdbcUrl());
      TelemetryJobOptions options = TelemetryJobOptions.defaults("tcp://unused:1883", db.jdbcUrl());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      TelemetryJob.configure(env, options);
      TelemetryJob.build(
          env.fromData(records),
          new TelemetryJob.Sinks(
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new JdbcBatchSink<>(JdbcSinkOptions.defaults(db.jdbcUrl()), new ForecastBinder())),
          options);
      env.execute("forecast-table-it");

      List<Map<String, Object>> perVehicle =
          db.query(
              "SELECT vin, count(DISTINCT ts::date) AS days, count(DISTINCT component) AS comps,"
                  + " count(*) AS rows FROM forecast GROUP BY vin");
      assertThat(perVehicle).hasSize(4);
      for (Map<String, Object> v : perVehicle) {
        long days = ((Number) v.get("days")).longValue();
        long comps = ((Number) v.get("comps")).longValue();
        assertThat(days).as("finished days of %s", v.get("vin")).isBetween(1L, 4L);
        assertThat(((Number) v.get("rows")).longValue()).isEqualTo(days * comps);
      }
      assertThat(db.query("SELECT DISTINCT model_version FROM forecast"))
          .extracting(r -> r.get("model_version"))
          .containsExactly(ForecastModels.TREND_PRIOR_VERSION);
      assertThat(db.queryLong("SELECT count(*) FROM forecast WHERE component = 'MILEAGE_SERVICE'"))
          .isPositive();
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM forecast WHERE evidence->>'summary' IS NULL"
                      + " OR evidence->>'signal' IS NULL"))
          .isZero();
    }
  }
}
