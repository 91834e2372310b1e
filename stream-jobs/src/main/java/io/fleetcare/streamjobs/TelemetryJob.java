package io.fleetcare.streamjobs;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.ingest.decode.DeadLetter;
import io.fleetcare.ingest.decode.VehicleMessageDecoder;
import io.fleetcare.ingest.mqtt.AckMode;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.ingest.mqtt.MqttSource;
import io.fleetcare.ingest.mqtt.MqttSourceOptions;
import io.fleetcare.streamjobs.battery.Battery12VFunction;
import io.fleetcare.streamjobs.battery.Battery12VProcessor;
import io.fleetcare.streamjobs.battery.TractionBatteryFunction;
import io.fleetcare.streamjobs.battery.TractionBatteryProcessor;
import io.fleetcare.streamjobs.brake.BrakeWearFunction;
import io.fleetcare.streamjobs.brake.BrakeWearOptions;
import io.fleetcare.streamjobs.brake.BrakeWearProcessor;
import io.fleetcare.streamjobs.db.SchemaMigrator;
import io.fleetcare.streamjobs.distance.DistanceFuelFunction;
import io.fleetcare.streamjobs.distance.DistanceFuelProcessor;
import io.fleetcare.streamjobs.distance.TelemetryBatchRow;
import io.fleetcare.streamjobs.fault.FaultCodeFunction;
import io.fleetcare.streamjobs.fault.FaultCodeProcessor;
import io.fleetcare.streamjobs.fuel.FuelFunction;
import io.fleetcare.streamjobs.fuel.FuelOptions;
import io.fleetcare.streamjobs.mileage.MileageFunction;
import io.fleetcare.streamjobs.mileage.MileageOptions;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import io.fleetcare.streamjobs.planner.MqttWorkOrderSink;
import io.fleetcare.streamjobs.planner.MqttWorkOrderSinkOptions;
import io.fleetcare.streamjobs.planner.PlannerGraph;
import io.fleetcare.streamjobs.planner.WorkOrderPlannerOptions;
import io.fleetcare.streamjobs.predict.PredictorFunction;
import io.fleetcare.streamjobs.predict.PredictorOptions;
import io.fleetcare.streamjobs.sequence.MessageSequenceFunction;
import io.fleetcare.streamjobs.serde.KryoRegistrations;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import io.fleetcare.streamjobs.signal.VehicleFactsFunction;
import io.fleetcare.streamjobs.sink.DeadLetterRowBinder;
import io.fleetcare.streamjobs.sink.FaultCodeChangeBinder;
import io.fleetcare.streamjobs.sink.ForecastBinder;
import io.fleetcare.streamjobs.sink.JdbcBatchSink;
import io.fleetcare.streamjobs.sink.JdbcSinkOptions;
import io.fleetcare.streamjobs.sink.SignalPointBinder;
import io.fleetcare.streamjobs.sink.TelemetryBatchRowBinder;
import io.fleetcare.streamjobs.sink.TripBinder;
import io.fleetcare.streamjobs.sink.UsageProfileBinder;
import io.fleetcare.streamjobs.sink.WorkOrderPlanBinder;
import io.fleetcare.streamjobs.trip.TripFunction;
import io.fleetcare.streamjobs.trip.TripOptions;
import io.fleetcare.streamjobs.tyre.TyreFunction;
import io.fleetcare.streamjobs.tyre.TyreProcessor;
import io.fleetcare.streamjobs.usage.UsageOptions;
import io.fleetcare.streamjobs.usage.UsageProfileFunction;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The telemetry job: MQTT records → decode (dead letters aside) → per-vehicle dedup and ordering →
 * distance and fuel, trips, signals, component forecasts (predictor) → work orders; PostgreSQL and
 * the broker's work-order topics.
 *
 * <p>Everything after the shuffle by the topic's VIN is keyed by the same VIN and chained into one
 * task, so decoded messages are never serialized between operators.
 */
public final class TelemetryJob {
  private TelemetryJob() {}

  /**
   * Where the job's results go.
   *
   * @param workOrders new and changed work orders for the service (the MQTT topic in production)
   * @param workOrderPlans the same orders for the job's own table {@code work_order_plan}
   */
  public record Sinks(
      Sink<TelemetryBatchRow> telemetryBatches,
      Sink<DeadLetter> deadLetters,
      Sink<Trip> trips,
      Sink<SignalPoint> signals,
      Sink<UsageProfileSnapshot> usageProfiles,
      Sink<FaultCodeChange> faultCodes,
      Sink<WorkOrder> workOrders,
      Sink<WorkOrder> workOrderPlans,
      Sink<ComponentForecast> forecasts) {}

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
    KryoRegistrations.register(env);
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
    KeyedStream<VehicleMessage, String> byVehicle =
        DataStreamUtils.reinterpretAsKeyedStream(ordered, VehicleMessage::vin);
    byVehicle
        .process(
            new DistanceFuelFunction(
                new DistanceFuelProcessor(options.maxSampleGap().toMillis() / 1000.0),
                options.vehicleIdleTimeout()))
        .name("distance-fuel")
        .uid("distance-fuel")
        .sinkTo(sinks.telemetryBatches())
        .name("telemetry-batch-sink")
        .uid("telemetry-batch-sink");

    // Trips, and what is derived from them: fuel baseline and drift, mileage, usage profile.
    SingleOutputStreamOperator<Trip> trips =
        byVehicle
            .process(
                new TripFunction(TripOptions.defaults().withMaxSampleGap(options.maxSampleGap())))
            .name("trips")
            .uid("trips");
    trips.sinkTo(sinks.trips()).name("trip-sink").uid("trip-sink");
    KeyedStream<Trip, String> tripsByVehicle =
        DataStreamUtils.reinterpretAsKeyedStream(trips, Trip::vin);
    // Profiles, events and odometer readings only: the samples themselves stay in this task.
    KeyedStream<VehicleMessage, String> facts =
        byVehicle
            .flatMap(new VehicleFactsFunction())
            .name("vehicle-facts")
            .uid("vehicle-facts")
            .keyBy(VehicleMessage::vin);
    SingleOutputStreamOperator<SignalPoint> fuel =
        tripsByVehicle
            .connect(facts)
            .process(new FuelFunction(FuelOptions.defaults()))
            .name("fuel")
            .uid("fuel");
    SingleOutputStreamOperator<SignalPoint> mileage =
        tripsByVehicle
            .connect(facts)
            .process(new MileageFunction(MileageOptions.defaults()))
            .name("mileage")
            .uid("mileage");
    SingleOutputStreamOperator<UsageProfileSnapshot> usage =
        tripsByVehicle
            .process(new UsageProfileFunction(UsageOptions.defaults()))
            .name("usage-profile")
            .uid("usage-profile");
    usage.sinkTo(sinks.usageProfiles()).name("usage-profile-sink").uid("usage-profile-sink");

    // Component condition straight from the vehicle's messages.
    Duration idle = options.vehicleIdleTimeout();
    SingleOutputStreamOperator<SignalPoint> battery12v =
        byVehicle
            .process(new Battery12VFunction(Battery12VProcessor.defaults(), idle))
            .name("battery-12v")
            .uid("battery-12v");
    SingleOutputStreamOperator<SignalPoint> traction =
        byVehicle
            .process(new TractionBatteryFunction(TractionBatteryProcessor.defaults(), idle))
            .name("traction-battery")
            .uid("traction-battery");
    SingleOutputStreamOperator<SignalPoint> brakes =
        byVehicle
            .process(
                new BrakeWearFunction(new BrakeWearProcessor(BrakeWearOptions.defaults()), idle))
            .name("brake-wear")
            .uid("brake-wear");
    SingleOutputStreamOperator<SignalPoint> tyres =
        byVehicle
            .process(new TyreFunction(TyreProcessor.defaults(), idle))
            .name("tyres")
            .uid("tyres");
    SingleOutputStreamOperator<FaultCodeChange> faults =
        byVehicle
            .process(new FaultCodeFunction(FaultCodeProcessor.defaults(), idle))
            .name("fault-codes")
            .uid("fault-codes");
    faults.sinkTo(sinks.faultCodes()).name("fault-code-sink").uid("fault-code-sink");

    DataStream<SignalPoint> signals = fuel.union(mileage, battery12v, traction, brakes, tyres);
    signals.sinkTo(sinks.signals()).name("signal-sink").uid("signal-sink");

    // Component forecasts from the same series code the models are trained on. They replace the
    // interim rule forecasts for every component: keeping the interim rule for estimated pad wear
    // (cars without sensors) cost BRAKE_PADS recall and precision in evaluate
    // (docs/predictions.md).
    SingleOutputStreamOperator<ComponentForecast> predicted =
        byVehicle
            .process(
                new PredictorFunction(
                    PredictorOptions.defaults(options.modelDirectory()).withIdleTimeout(idle)))
            .name("predictor")
            .uid("predictor");
    predicted.sinkTo(sinks.forecasts()).name("forecast-sink").uid("forecast-sink");

    // Work orders: forecasts, fault codes, usage and care signals, planned per vehicle.
    SingleOutputStreamOperator<WorkOrder> workOrders =
        PlannerGraph.plan(
            ordered, predicted, faults, usage, signals, WorkOrderPlannerOptions.defaults());
    workOrders.sinkTo(sinks.workOrders()).name("work-order-sink").uid("work-order-sink");
    workOrders
        .sinkTo(sinks.workOrderPlans())
        .name("work-order-plan-sink")
        .uid("work-order-plan-sink");
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

  /**
   * The production sinks: PostgreSQL tables created by the migrations (work orders in {@code
   * work_order_plan}), and work orders on the broker's {@code fleet/service/{dealerId}/work-orders}
   * topics (the work-order service stores them for the advisors).
   */
  public static Sinks jdbcSinks(TelemetryJobOptions options) {
    JdbcSinkOptions jdbc = JdbcSinkOptions.defaults(options.jdbcUrl());
    return new Sinks(
        new JdbcBatchSink<>(jdbc, new TelemetryBatchRowBinder()),
        new JdbcBatchSink<>(jdbc, new DeadLetterRowBinder()),
        new JdbcBatchSink<>(jdbc, new TripBinder()),
        new JdbcBatchSink<>(jdbc, new SignalPointBinder()),
        new JdbcBatchSink<>(jdbc, new UsageProfileBinder()),
        new JdbcBatchSink<>(jdbc, new FaultCodeChangeBinder()),
        new MqttWorkOrderSink(MqttWorkOrderSinkOptions.defaults(options.brokerUrl())),
        new JdbcBatchSink<>(jdbc, new WorkOrderPlanBinder()),
        new JdbcBatchSink<>(jdbc, new ForecastBinder()));
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
