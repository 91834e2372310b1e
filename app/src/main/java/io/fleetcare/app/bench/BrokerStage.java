package io.fleetcare.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * The broker alone: the load generator publishes to the bench's Mosquitto at rising rates and as
 * many {@link CountingSubscriber}s as the job has readers count what arrives. A step is sustained
 * when what arrived kept pace with what was offered ({@link SustainedRule#brokerAlone()}).
 */
final class BrokerStage {
  record Result(List<StepResult> steps, double sustainedPerS) {}

  private BrokerStage() {}

  static Result run(
      String brokerUrl, BenchSettings settings, ResourceMeter meter, Progress progress)
      throws Exception {
    BenchFleet fleet =
        new BenchFleet(
            BenchFleet.runTag(System.nanoTime() + 7),
            settings.vehicles(),
            System.currentTimeMillis() - 30L * 86_400_000);
    RateLadder ladder =
        new RateLadder(
            settings.brokerStartPerS(),
            settings.ladderFactor(),
            1_000_000,
            settings.refinements(),
            settings.maxSteps() + 2);
    SustainedRule rule = SustainedRule.brokerAlone();
    List<StepResult> steps = new ArrayList<>();
    double best = 0;
    String group = "bench-count-" + Long.toString(System.nanoTime(), 36);
    List<CountingSubscriber> subscribers = new ArrayList<>();
    try (AutoCloseable closeSubscribers = () -> closeAll(subscribers);
        PacedPublisher publisher =
            new PacedPublisher(
                brokerUrl, fleet, settings.publisherThreads(), settings.maxInflight(), 1)) {
      for (int i = 0; i < settings.parallelism(); i++) {
        subscribers.add(new CountingSubscriber(brokerUrl, group));
      }
      LongSupplier received =
          () -> subscribers.stream().mapToLong(CountingSubscriber::received).sum();
      long warmupMs = 1_000;
      long windowMs = settings.brokerStep().toMillis() - warmupMs;
      for (OptionalDouble next = ladder.next(); next.isPresent(); next = ladder.next()) {
        double rate = next.getAsDouble();
        long cpu0 = publisher.generatorCpuNanos();
        publisher.startPublishing(rate, false);
        Thread.sleep(warmupMs);
        long p0 = publisher.published();
        long r0 = received.getAsLong();
        ResourceMeter.Snapshot s0 = meter.snapshot();
        Thread.sleep(windowMs);
        long p1 = publisher.published();
        long r1 = received.getAsLong();
        ResourceMeter.Snapshot s1 = meter.snapshot();
        publisher.stopPublishing();
        StepMeasurement m =
            new StepMeasurement(rate, windowMs / 1000.0, p1 - p0, r1 - r0, p0 - r0, p1 - r1);
        SustainedRule.Verdict verdict = rule.judge(m);
        ladder.record(rate, verdict.sustained());
        double genCores =
            (publisher.generatorCpuNanos() - cpu0) / 1e9 / (settings.brokerStep().toMillis() / 1e3);
        steps.add(
            new StepResult(m, verdict, ResourceMeter.between(s0, s1), genCores, Percentiles.EMPTY));
        if (verdict.sustained()) {
          best = Math.max(best, m.inputPerS());
        }
        progress.say(
            "broker alone: offered %,.0f msgs/s, published %,.0f, received %,.0f -> %s",
            rate, m.inputPerS(), m.outputPerS(), verdict.reason());
        // Let the subscriber work off what is still queued before the next step.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (received.getAsLong() < publisher.published() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
      }
    }
    return new Result(steps, best);
  }

  private static void closeAll(List<CountingSubscriber> subscribers) throws Exception {
    for (CountingSubscriber s : subscribers) {
      s.close();
    }
  }
}
