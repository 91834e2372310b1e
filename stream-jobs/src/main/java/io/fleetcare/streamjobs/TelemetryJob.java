package io.fleetcare.streamjobs;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.ingest.decode.DeadLetter;
import io.fleetcare.ingest.decode.VehicleMessageDecoder;
import io.fleetcare.ingest.mqtt.AckMode;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.ingest.mqtt.MqttSource;
import io.fleetcare.ingest.mqtt.MqttSourceOptions;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.distance.DistanceFuelFunction;
import io.fleetcare.streamjobs.distance.DistanceFuelProcessor;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import io.fleetcare.streamjobs.sequence.MessageSequenceFunction;
import io.fleetcare.streamjobs.sink.DeadLetterRowBinder;
import io.fleetcare.streamjobs.sink.JdbcBatchSink;
import io.fleetcare.streamjobs.sink.JdbcSinkOptions;
import io.fleetcare.streamjobs.sink.TelemetryBatchRowBinder;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The telemetry job: MQTT records → decode (dead letters aside) → per-vehicle dedup and ordering →
 * distance and fuel per message → PostgreSQL.
 *
 * <p>Everything after the shuffle by the topic's VIN is keyed by the same VIN and chained into one
 * task, so decoded messages are never serialized between operators.
 */
public final class TelemetryJob {
  private TelemetryJob() {}

  /** Where the job's results go. */
  public record Sinks(Sink<TelemetryBatchRow> telemetryBatches, Sink<DeadLetter> deadLetters) {}

  /** Adds the job's graph to {@code env} reading {@code source} and writing to {@code sinks}. */
  public static void build(
      StreamExecutionEnvironment env,
      Source<MqttRecord, ?, ?> source,
      Sinks sinks,
      TelemetryJobOptions options) {
    configure(env, options);
    build(
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt-source").uid("mqtt-source"),
        sinks,
        options);
  }

  /** Checkpointing and object reuse, as the job needs them. */
  public static void configure(StreamExecutionEnvironment env, TelemetryJobOptions options) {
    // Records are immutable, so chained operators may hand them on without defensive copies.
    env.getConfig().enableObjectReuse();
    env.enableCheckpointing(options.checkpointInterval().toMillis());
  }

  /**
   * Adds the job's graph downstream of {@code records} (MQTT messages as received; a replay of
   * recorded logs feeds the same graph without a broker).
   */
  public static void build(
      DataStream<MqttRecord> records, Sinks sinks, TelemetryJobOptions options) {
    SingleOutputStreamOperator<VehicleMessage> decoded =
        records
            .keyBy(MqttRecord::topicVin)
            .process(new VehicleMessageDecoder())
            .name("decode")
            .uid("decode");
    decoded
        .getSideOutput(VehicleMessageDecoder.DEAD_LETTERS)
        .sinkTo(sinks.deadLetters())
        .name("dead-letter-sink")
        .uid("dead-letter-sink");

    // The decoder rejects payloads whose VIN differs from the topic's, so the key is unchanged.
    SingleOutputStreamOperator<VehicleMessage> ordered =
        DataStreamUtils.reinterpretAsKeyedStream(decoded, VehicleMessage::vin)
            .process(new MessageSequenceFunction(options.sequenceGapTimeout(), 1_000))
            .name("dedup-and-order")
            .uid("dedup-and-order");
    DataStreamUtils.reinterpretAsKeyedStream(ordered, VehicleMessage::vin)
        .process(
            new DistanceFuelFunction(
                new DistanceFuelProcessor(options.maxSampleGap().toMillis() / 1000.0)))
        .name("distance-fuel")
        .uid("distance-fuel")
        .sinkTo(sinks.telemetryBatches())
        .name("telemetry-batch-sink")
        .uid("telemetry-batch-sink");
  }

  /** The production source: the readers share the telemetry, events and profile topics. */
  public static MqttSource mqttSource(TelemetryJobOptions options) {
    return new MqttSource(
        MqttSourceOptions.builder(options.brokerUrl())
            .topicFilters(List.of("fleet/+/telemetry", "fleet/+/events", "fleet/+/profile"))
            .sharedGroup(options.sharedGroup())
            .clientIdPrefix("fleetcare-" + options.sharedGroup())
            // build() enables checkpointing, so acknowledgements follow checkpoints.
            .ackMode(AckMode.AFTER_CHECKPOINT)
            .build());
  }

  /** The production sinks: PostgreSQL tables created by the migrations. */
  public static Sinks jdbcSinks(TelemetryJobOptions options) {
    JdbcSinkOptions jdbc = JdbcSinkOptions.defaults(options.jdbcUrl());
    return new Sinks(
        new JdbcBatchSink<>(jdbc, new TelemetryBatchRowBinder()),
        new JdbcBatchSink<>(jdbc, new DeadLetterRowBinder()));
  }

  /** Entry point for {@code flink run}: {@code --broker tcp://… --jdbc jdbc:postgresql://…}. */
  public static void main(String[] args) throws Exception {
    TelemetryJobOptions options = TelemetryJobOptions.parse(args);
    SchemaMigrator.migrate(options.jdbcUrl());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(options.parallelism());
    build(env, mqttSource(options), jdbcSinks(options), options);
    env.execute("fleetcare-telemetry");
  }
}
