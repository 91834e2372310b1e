package io.fleetcare.app.bench;

import io.fleetcare.simulator.mqtt.MqttPublisher;
import io.fleetcare.simulator.mqtt.MqttPublisherOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: {@code threads} threads, each with its own QoS 1 MQTT connection (the
 * simulator's {@link MqttPublisher}) and its own share of the fleet, publishing telemetry at a
 * target rate. A thread that falls behind publishes what is due at once, so the rate offered is the
 * target unless the broker's acknowledgements (at most {@code maxInflight} outstanding per
 * connection) hold it back; {@link #published} says what was really offered.
 *
 * <p>For latency, the messages of every {@code markEvery}-th vehicle are marked: their (vin, seq)
 * and the wall-clock time just before the publish call, in epoch microseconds, are kept.
 */
final class PacedPublisher implements AutoCloseable {
  /** A marked message: when it was handed to the MQTT client. */
  record Mark(String vin, long seq, long publishedAtMicros) {}

  private final BenchFleet fleet;
  private final List<MqttPublisher> clients = new ArrayList<>();
  private final int markEvery;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong generatorCpuNanos = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();
  private final List<Thread> running = new ArrayList<>();
  private volatile boolean stop;

  PacedPublisher(String brokerUrl, BenchFleet fleet, int threads, int maxInflight, int markEvery)
      throws Exception {
    this.fleet = fleet;
    this.markEvery = markEvery;
    for (int t = 0; t < threads; t++) {
      clients.add(
          new MqttPublisher(
              new MqttPublisherOptions(brokerUrl, "fleetcare-bench-pub-" + UUID.randomUUID(), 1)
                  .withMaxInflight(maxInflight)));
    }
  }

  /** Publishes every vehicle's retained profile (once, before the pipeline stage). */
  void publishProfiles() throws Exception {
    MqttPublisher client = clients.getFirst();
    for (int v = 0; v < fleet.size(); v++) {
      client.send(
          io.fleetcare.core.wire.Topic.of(fleet.vin(v), io.fleetcare.core.wire.TopicKind.PROFILE),
          fleet.profilePayload(v),
          true);
    }
  }

  /** Starts publishing at {@code ratePerS} in total; {@link #stopPublishing} ends it. */
  synchronized void startPublishing(double ratePerS, boolean mark) {
    if (!running.isEmpty()) {
      throw new IllegalStateException("already publishing");
    }
    stop = false;
    int threads = clients.size();
    long periodNanos = (long) (1e9 * threads / ratePerS);
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      running.add(
          Thread.ofPlatform()
              .name("fleetcare-bench-publisher-" + t)
              .start(() -> publishLoop(thread, threads, t0, periodNanos, mark)));
    }
  }

  /** Stops the publishing threads and waits for them. */
  synchronized void stopPublishing() throws InterruptedException {
    stop = true;
    for (Thread t : running) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    running.clear();
    rethrow();
  }

  private void publishLoop(int thread, int threads, long t0, long periodNanos, boolean mark) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpuStart = mx.getCurrentThreadCpuTime();
    MqttPublisher client = clients.get(thread);
    int[] own = ownedVehicles(thread, threads);
    long n = 0;
    int next = 0;
    try {
      while (!stop) {
        long due = (System.nanoTime() - t0) / periodNanos + 1;
        if (n >= due) {
          LockSupport.parkNanos(Math.max(50_000, Math.min(periodNanos, 1_000_000)));
          continue;
        }
        for (; n < due && !stop; n++) {
          int v = own[next];
          next = next + 1 == own.length ? 0 : next + 1;
          byte[] payload = fleet.nextPayload(v);
          boolean marked = mark && v % markEvery == 0;
          long at = marked ? nowMicros() : 0;
          client.send(fleet.telemetryTopic(v), payload, false);
          published.incrementAndGet();
          if (marked) {
            marks.add(new Mark(fleet.vin(v), fleet.lastSeq(v), at));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    } finally {
      generatorCpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
    }
  }

  private int[] ownedVehicles(int thread, int threads) {
    int[] own = new int[(fleet.size() - thread + threads - 1) / threads];
    int i = 0;
    for (int v = 0; v < fleet.size(); v++) {
      if (BenchFleet.owns(thread, threads, v)) {
        own[i++] = v;
      }
    }
    return own;
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** Telemetry messages handed to the MQTT clients so far. */
  long published() {
    return published.get();
  }

  /** CPU time the publishing threads used (encoding and handing to Paho), nanoseconds. */
  long generatorCpuNanos() {
    return generatorCpuNanos.get();
  }

  /** Takes the marks recorded so far. */
  List<Mark> drainMarks() {
    List<Mark> out = new ArrayList<>();
    for (Mark m; (m = marks.poll()) != null; ) {
      out.add(m);
    }
    return out;
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("publishing failed: " + t, t);
    }
  }

  @Override
  public void close() throws Exception {
    stopPublishing();
    Exception first = null;
    for (MqttPublisher c : clients) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
