package io.fleetcare.bench;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Per-message thread CPU time and allocation of {@link PayloadCodec#decode} on the simulated
 * fleet's telemetry payloads: steadier than JMH throughput on a shared machine, because it counts
 * only this thread's CPU time. Warms up for {@code args[0]} seconds (default 5), then prints the
 * best of {@code args[1]} runs (default 5) of {@code args[2]} passes over the payloads (default
 * 10).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.fleetcare.bench.DecodeCpuTime}
 */
public final class DecodeCpuTime {
  private DecodeCpuTime() {}

  public static void main(String[] args) throws Exception {
    int warmupS = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    SimulatedFleet fleet = new SimulatedFleet();
    fleet.simulate();
    List<SimulatedFleet.Published> payloads = fleet.telemetryPayloads;
    PayloadCodec codec = new PayloadCodec();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().threadId();

    long sink = 0;
    long warmupEnd = System.nanoTime() + warmupS * 1_000_000_000L;
    while (System.nanoTime() < warmupEnd) {
      sink += pass(codec, payloads);
    }
    double bestNs = Double.MAX_VALUE;
    double bestBytes = Double.MAX_VALUE;
    long messages = (long) passes * payloads.size();
    for (int run = 0; run < runs; run++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long bytes0 = threads.getThreadAllocatedBytes(self);
      for (int i = 0; i < passes; i++) {
        sink += pass(codec, payloads);
      }
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long bytes = threads.getThreadAllocatedBytes(self) - bytes0;
      bestNs = Math.min(bestNs, (double) cpu / messages);
      bestBytes = Math.min(bestBytes, (double) bytes / messages);
      System.out.printf(
          "run %d: %.0f ns/message, %.0f bytes/message%n",
          run + 1, (double) cpu / messages, (double) bytes / messages);
    }
    System.out.printf(
        "best of %d runs over %d messages (%d payloads, avg %.0f bytes): %.0f ns/message,"
            + " %.0f bytes/message (blackhole %d)%n",
        runs,
        messages,
        payloads.size(),
        payloads.stream().mapToInt(p -> p.payload().length).average().orElse(0),
        bestNs,
        bestBytes,
        sink);
  }

  private static long pass(PayloadCodec codec, List<SimulatedFleet.Published> payloads) {
    long sink = 0;
    for (SimulatedFleet.Published p : payloads) {
      DecodeResult r = codec.decode(p.topic(), p.payload());
      if (r instanceof DecodeResult.Accepted a && a.message() instanceof TelemetryMessage t) {
        sink += t.samples().size() + (t.hasPayload() ? 1 : 0);
      }
    }
    return sink;
  }
}
