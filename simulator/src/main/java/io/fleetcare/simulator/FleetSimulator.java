package io.fleetcare.simulator;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import io.fleetcare.simulator.fleet.FleetGenerator;
import io.fleetcare.simulator.fleet.VehicleSpec;
import io.fleetcare.simulator.gateway.GatewayFaultInjector;
import io.fleetcare.simulator.truth.GroundTruthRecord;
import io.fleetcare.simulator.truth.GroundTruthWriter;
import io.fleetcare.simulator.vehicle.SimulationContext;
import io.fleetcare.simulator.vehicle.VehicleSimulation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulates a fleet and publishes what its gateways would send: first each vehicle's retained
 * profile, then telemetry and events of the whole fleet merged in event-time order.
 *
 * <p>The fleet is stepped in windows of event time (see {@link #windowMs}); within a window the
 * vehicles are stepped in parallel (each is independent) and their messages merged by publish time,
 * vehicle and per-vehicle order, so the output does not depend on the number of threads.
 */
public final class FleetSimulator {
  private final SimulatorOptions options;
  private final ProgressListener listener;
  private final List<VehicleSpec> fleet;

  /** A simulator for {@code options} without progress reports. */
  public FleetSimulator(SimulatorOptions options) {
    this(options, ProgressListener.NONE);
  }

  /** A simulator for {@code options} reporting progress to {@code listener}. */
  public FleetSimulator(SimulatorOptions options, ProgressListener listener) {
    this.options = options;
    this.listener = listener;
    this.fleet =
        new FleetGenerator(
                options.seed(), options.hybridShare(), options.electricShare(), options.days())
            .generate(options.vehicles());
  }

  /** The generated fleet, in order. */
  public List<VehicleSpec> fleet() {
    return fleet;
  }

  /**
   * Runs the simulation, handing every message to {@code sink} (which is not closed), and writes
   * the ground truth when {@link SimulatorOptions#groundTruthFile()} is set.
   */
  public SimulationSummary run(MessageSink sink) throws Exception {
    SimulationContext ctx = SimulationContext.of(options);
    GatewayFaultInjector faults =
        new GatewayFaultInjector(options.faults(), ctx.codec(), options.seed());
    ProgressTracker progress = new ProgressTracker(listener);
    Throttle throttle = new Throttle(options.maxMessagesPerSecond());
    Counter counter = new Counter(sink, throttle, progress);

    for (VehicleSpec spec : fleet) {
      counter.send(
          new OutboundMessage(
              options.start().toEpochMilli(),
              spec.index(),
              TopicKind.PROFILE,
              Topic.of(spec.vin(), TopicKind.PROFILE),
              spec.profile(),
              ctx.codec().encode(spec.profile()),
              0));
    }

    VehicleSimulation[] vehicles = new VehicleSimulation[fleet.size()];
    for (int i = 0; i < vehicles.length; i++) {
      vehicles[i] = new VehicleSimulation(fleet.get(i), ctx);
    }
    long startMs = options.start().toEpochMilli();
    long endMs = options.end().toEpochMilli();
    // Physics runs on a producer thread (with its worker pool) one window ahead, while this thread
    // hands the previous window to the sink: stepping and writing overlap.
    BlockingQueue<Window> queue = new ArrayBlockingQueue<>(2);
    Thread producer =
        Thread.ofPlatform()
            .name("fleet-simulator-physics")
            .daemon()
            .start(() -> produce(vehicles, startMs, endMs, queue));
    try {
      while (true) {
        Window window = queue.take();
        if (window.failure() != null) {
          throw new IllegalStateException("vehicle physics failed", window.failure());
        }
        for (OutboundMessage m : window.messages()) {
          faults.accept(m, counter::sendUnchecked);
        }
        progress.maybeReport(
            Instant.ofEpochMilli(window.reachedMs()),
            (double) (window.reachedMs() - startMs) / (endMs - startMs));
        if (window.last()) {
          break;
        }
      }
      faults.flush(counter::sendUnchecked);
    } catch (Counter.SinkFailure e) {
      throw e.cause();
    } finally {
      producer.interrupt();
      producer.join();
    }
    progress.done(options.end());

    List<VehicleSummary> summaries = new ArrayList<>(vehicles.length);
    List<GroundTruthRecord> truth = new ArrayList<>();
    for (VehicleSimulation v : vehicles) {
      summaries.add(v.summary());
      truth.addAll(v.groundTruth());
    }
    truth.sort(Comparator.comparingLong(GroundTruthRecord::tsMs)); // stable: fleet order on ties
    if (options.groundTruthFile() != null) {
      GroundTruthWriter.write(options.groundTruthFile(), options, truth);
    }
    return new SimulationSummary(
        summaries,
        counter.telemetry,
        counter.events,
        counter.samples,
        counter.profiles,
        faults.counts(),
        truth.size());
  }

  /** A window of merged messages, or the failure that ended the physics. */
  private record Window(
      List<OutboundMessage> messages, long reachedMs, boolean last, Throwable failure) {}

  /** Steps the fleet window by window and queues each window's merged messages. */
  private void produce(
      VehicleSimulation[] vehicles, long startMs, long endMs, BlockingQueue<Window> queue) {
    int threads = Math.min(options.threads(), vehicles.length);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
    long windowMs = windowMs(options);
    try {
      long windowStart = startMs;
      boolean last = false;
      while (!last) {
        // The last pass has no upper bound: it lets trips under way at the end finish at
        // standstill (no new trip starts after the end).
        last = windowStart >= endMs;
        long until = last ? Long.MAX_VALUE : Math.min(windowStart + windowMs, endMs);
        List<OutboundMessage> merged = step(vehicles, until, pool, threads);
        queue.put(new Window(merged, last ? endMs : until, last, null));
        windowStart = until;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      queue.clear();
      queue.offer(new Window(List.of(), startMs, true, e));
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Event time stepped per window: long enough to amortise the hand-over between threads, short
   * enough to bound memory (about six telemetry messages per driving vehicle), 5 min to 1 h.
   */
  static long windowMs(SimulatorOptions options) {
    long perMessageMs = (long) options.samplesPerMessage() * options.sampleIntervalS() * 1000L;
    return Math.max(5 * 60_000L, Math.min(3_600_000L, 6 * perMessageMs));
  }

  /** Steps every vehicle to {@code until} and merges their messages in publish order. */
  private static List<OutboundMessage> step(
      VehicleSimulation[] vehicles, long until, ExecutorService pool, int threads)
      throws Exception {
    List<List<OutboundMessage>> perChunk = new ArrayList<>(threads);
    if (pool == null) {
      List<OutboundMessage> out = new ArrayList<>();
      for (VehicleSimulation v : vehicles) {
        v.advanceTo(until, out);
      }
      perChunk.add(out);
    } else {
      List<Future<List<OutboundMessage>>> futures = new ArrayList<>(threads);
      int chunk = (vehicles.length + threads - 1) / threads;
      for (int from = 0; from < vehicles.length; from += chunk) {
        int lo = from;
        int hi = Math.min(vehicles.length, from + chunk);
        futures.add(
            pool.submit(
                () -> {
                  List<OutboundMessage> out = new ArrayList<>();
                  for (int i = lo; i < hi; i++) {
                    vehicles[i].advanceTo(until, out);
                  }
                  return out;
                }));
      }
      for (Future<List<OutboundMessage>> f : futures) {
        perChunk.add(f.get());
      }
    }
    int size = perChunk.stream().mapToInt(List::size).sum();
    List<OutboundMessage> merged = new ArrayList<>(size);
    perChunk.forEach(merged::addAll);
    // Stable sort: ties keep fleet order and each vehicle's own order.
    merged.sort(Comparator.comparingLong(OutboundMessage::publishTsMs));
    return merged;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fleet-simulator");
      t.setDaemon(true);
      return t;
    };
  }

  /** Hands messages to the sink, counting them by kind. */
  private static final class Counter {
    private final MessageSink sink;
    private final Throttle throttle;
    private final ProgressTracker progress;
    private long telemetry;
    private long events;
    private long samples;
    private long profiles;

    Counter(MessageSink sink, Throttle throttle, ProgressTracker progress) {
      this.sink = sink;
      this.throttle = throttle;
      this.progress = progress;
    }

    void send(OutboundMessage m) throws Exception {
      throttle.acquire();
      sink.send(m.topic(), m.payload(), m.kind() == TopicKind.PROFILE);
      switch (m.kind()) {
        case TELEMETRY -> {
          telemetry++;
          samples += m.sampleCount();
        }
        case EVENTS -> events++;
        case PROFILE -> profiles++;
      }
      progress.sent(m.sampleCount());
    }

    void sendUnchecked(OutboundMessage m) {
      try {
        send(m);
      } catch (Exception e) {
        throw new SinkFailure(e);
      }
    }

    /** Carries a sink's checked exception through the fault injector's callback. */
    private static final class SinkFailure extends RuntimeException {
      SinkFailure(Exception cause) {
        super(cause);
      }

      Exception cause() {
        return (Exception) getCause();
      }
    }
  }
}
