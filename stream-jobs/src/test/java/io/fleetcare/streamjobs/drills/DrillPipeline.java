package io.fleetcare.streamjobs.drills;

import static org.awaitility.Awaitility.await;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Starts the real telemetry job for a drill: the production MQTT source ({@link
 * TelemetryJob#mqttSource}), the production graph and JDBC sinks ({@link TelemetryJob#build},
 * {@link TelemetryJob#jdbcSinks}), with one pass-through map after the source where a drill can
 * inject a failure (present in every drill job, so a savepoint of one restores into another).
 */
final class DrillPipeline {
  /** A vehicle outside every simulated fleet, used to see that the job reads and writes. */
  static final String PROBE_VIN = "WFLZZZPRBE0000001";

  private DrillPipeline() {}

  /** Job options of the drills: parallelism 2, checkpoints every second. */
  static TelemetryJobOptions options(String brokerUri, String jdbcUrl, String group) {
    return TelemetryJobOptions.defaults(brokerUri, jdbcUrl)
        .withSharedGroup(group)
        .withCheckpointing(Duration.ofSeconds(1), 2);
  }

  /**
   * Submits the job to the drill's MiniCluster.
   *
   * @param config extra Flink configuration (restart strategy, savepoint to restore)
   * @param tap the map after the source (pass-through, or one that throws once)
   */
  static JobClient start(
      String name,
      TelemetryJobOptions options,
      Configuration config,
      MapFunction<MqttRecord, MqttRecord> tap)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(options.parallelism());
    TelemetryJob.configure(env, options);
    DataStream<MqttRecord> records =
        env.fromSource(
                TelemetryJob.mqttSource(options), WatermarkStrategy.noWatermarks(), "mqtt-source")
            .uid("mqtt-source")
            .map(tap)
            .name("drill-tap")
            .uid("drill-tap");
    TelemetryJob.build(records, TelemetryJob.jdbcSinks(options), options);
    return env.executeAsync(name);
  }

  /** The pass-through tap. */
  static MapFunction<MqttRecord, MqttRecord> passThrough() {
    return new PassThrough();
  }

  private static final class PassThrough implements MapFunction<MqttRecord, MqttRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public MqttRecord map(MqttRecord record) {
      return record;
    }
  }

  /**
   * A probe vehicle that publishes until one of its messages is stored: from then on a reader is
   * subscribed (a shared subscription exists only once a reader has subscribed; earlier messages
   * would have no subscriber) and the job writes to the database.
   */
  static final class Probe {
    private final PayloadCodec codec = new PayloadCodec();
    private final AtomicLong seq = new AtomicLong();
    private final String brokerUri;

    Probe(String brokerUri) {
      this.brokerUri = brokerUri;
    }

    void awaitStored(TestDatabase db, Duration atMost) throws Exception {
      long before = stored(db);
      try (GatewayPublisher probe = new GatewayPublisher(brokerUri, 1, () -> true)) {
        await()
            .atMost(atMost)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  probe.publishAll(List.of(next()));
                  return stored(db) > before;
                });
      }
    }

    private DrillMessage next() {
      long s = seq.incrementAndGet();
      TelemetryMessage m =
          new TelemetryMessage(
              PROBE_VIN,
              s,
              List.of(
                  new Sample(
                      Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() + s * 1000,
                      Map.of(SignalCatalogue.SPEED, 0.0))));
      return new DrillMessage(Topic.of(PROBE_VIN, TopicKind.TELEMETRY), codec.encode(m), false);
    }

    private static long stored(TestDatabase db) throws Exception {
      return db.queryLong("SELECT count(*) FROM telemetry_batch WHERE vin = '" + PROBE_VIN + "'");
    }
  }
}
