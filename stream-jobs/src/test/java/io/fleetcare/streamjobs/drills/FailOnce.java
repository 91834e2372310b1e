package io.fleetcare.streamjobs.drills;

import io.fleetcare.ingest.mqtt.MqttRecord;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * The drill tap that throws once, when the job-wide record count reaches {@code failAt}: a task
 * failure mid-stream at a known point. The count lives in static state under a name, because Flink
 * builds a new instance on every restart (the MiniCluster runs in the test's JVM).
 */
final class FailOnce implements MapFunction<MqttRecord, MqttRecord> {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
  private static final Set<String> THROWN = ConcurrentHashMap.newKeySet();

  private final String name;
  private final long failAt;

  FailOnce(String name, long failAt) {
    this.name = name;
    this.failAt = failAt;
  }

  /** Whether the failure named {@code name} was thrown. */
  static boolean thrown(String name) {
    return THROWN.contains(name);
  }

  @Override
  public MqttRecord map(MqttRecord record) {
    long seen = SEEN.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    if (seen >= failAt && THROWN.add(name)) {
      throw new InjectedFailure("drill: injected task failure after " + seen + " records");
    }
    return record;
  }

  /** The failure thrown on purpose. */
  static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message);
    }
  }
}
