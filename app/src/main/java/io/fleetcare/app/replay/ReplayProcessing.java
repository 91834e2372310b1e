package io.fleetcare.app.replay;

import io.fleetcare.app.LocalFlink;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.simulator.MessageSink;
import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Runs replayed logs through the real telemetry job in this process, without a broker: the
 * replayer's messages become the job's input, and its trips and signals come back in memory.
 */
public final class ReplayProcessing {
  private ReplayProcessing() {}

  /** Collects what a replayer publishes, as the MQTT source would have received it. */
  public static final class RecordingSink implements MessageSink {
    private final List<MqttRecord> records = new ArrayList<>();

    @Override
    public void send(String topic, byte[] payload, boolean retained) {
      records.add(MqttRecord.of(topic, payload, System.currentTimeMillis()));
    }

    public List<MqttRecord> records() {
      return records;
    }
  }

  /** What the job derived from the replayed logs. */
  public record Results(List<Trip> trips, List<SignalPoint> signals) {
    /** Trips in time order. */
    public List<Trip> tripsInOrder() {
      return trips.stream().sorted(Comparator.comparingLong(Trip::startMs)).toList();
    }

    /** The 12 V figures of a time span (one log): resting, charging and lowest cranking voltage. */
    public Battery12VFigures battery12V(Instant from, Instant to) {
      List<SignalPoint> inSpan =
          signals.stream()
              .filter(p -> p.tsMs() >= from.toEpochMilli() && p.tsMs() <= to.toEpochMilli())
              .toList();
      return new Battery12VFigures(
          mean(inSpan, SignalNames.BATTERY_RESTING_V),
          mean(inSpan, SignalNames.BATTERY_CHARGING_V),
          inSpan.stream()
              .filter(p -> p.name().equals(SignalNames.BATTERY_CRANKING_MIN_V))
              .mapToDouble(SignalPoint::value)
              .min());
    }

    private static OptionalDouble mean(List<SignalPoint> points, String name) {
      return points.stream()
          .filter(p -> p.name().equals(name))
          .mapToDouble(SignalPoint::value)
          .average();
    }
  }

  /**
   * The 12 V battery as one log shows it; empty where the log cannot tell.
   *
   * @param restingV mean resting voltage after the engine was off long enough to settle
   * @param chargingV mean charging voltage while the engine ran
   * @param crankingMinV lowest voltage during an engine start
   */
  public record Battery12VFigures(
      OptionalDouble restingV, OptionalDouble chargingV, OptionalDouble crankingMinV) {}

  /** Runs {@code records} through the job on a local Flink and returns its trips and signals. */
  public static Results process(List<MqttRecord> records, TelemetryJobOptions options)
      throws Exception {
    StreamExecutionEnvironment env = LocalFlink.environment(1);
    TelemetryJob.configure(env, options);
    try (InProcessSink<Trip> trips = new InProcessSink<>();
        InProcessSink<SignalPoint> signals = new InProcessSink<>()) {
      TelemetryJob.build(
          env.fromData(records).name("replayed-records"),
          new TelemetryJob.Sinks(
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              trips,
              signals,
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>()),
          options);
      env.execute("fleetcare-replay");
      return new Results(trips.results(), signals.results());
    }
  }
}
