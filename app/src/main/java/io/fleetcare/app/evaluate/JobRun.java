package io.fleetcare.app.evaluate;

import io.fleetcare.app.LocalFlink;
import io.fleetcare.app.replay.InProcessSink;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.streamjobs.TelemetryJob;
import io.fleetcare.streamjobs.TelemetryJobOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Runs the real telemetry job on a local Flink over a simulator message file, without a broker or a
 * database, and returns the work orders it planned.
 */
public final class JobRun {
  private JobRun() {}

  /** What the job produced. */
  public record Result(List<WorkOrder> workOrders, long messages, Duration elapsed) {}

  /**
   * Runs the job over {@code messages} with the newest model under {@code modelDirectory} (empty:
   * the trend prior), printing progress to {@code err}.
   */
  public static Result run(Path messages, String modelDirectory, int parallelism, PrintWriter err)
      throws Exception {
    TelemetryJobOptions options =
        TelemetryJobOptions.defaults("tcp://127.0.0.1:1883", "jdbc:postgresql://127.0.0.1/unused")
            .withCheckpointing(Duration.ofMinutes(10), parallelism)
            .withModelDirectory(modelDirectory);
    StreamExecutionEnvironment env = LocalFlink.environment(parallelism);
    TelemetryJob.configure(env, options);
    MessageFileSource.AtomicLongRef progress = MessageFileSource.AtomicLongRef.create();
    long total = MessageFile.lineOffsets(messages).length - 1;
    long started = System.nanoTime();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try (InProcessSink<WorkOrder> orders = new InProcessSink<>()) {
      TelemetryJob.build(
          env.fromSource(
                  MessageFileSource.of(messages, progress),
                  WatermarkStrategy.noWatermarks(),
                  "message-file")
              .setParallelism(1),
          new TelemetryJob.Sinks(
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              new DiscardingSink<>(),
              orders,
              new DiscardingSink<>(),
              new DiscardingSink<>()),
          options);
      ticker.scheduleAtFixedRate(
          () -> {
            long n = progress.counter().get();
            double s = (System.nanoTime() - started) / 1e9;
            err.printf(
                "\rjob: %5.1f %% of %,d messages, %,.0f msg/s, elapsed %.0f s   ",
                100.0 * n / Math.max(1, total), total, n / Math.max(1e-9, s), s);
            err.flush();
          },
          1,
          2,
          TimeUnit.SECONDS);
      env.execute("fleetcare-evaluate");
      ticker.shutdownNow();
      ticker.awaitTermination(5, TimeUnit.SECONDS);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      err.printf("%njob: %,d messages in %d s%n", total, elapsed.toSeconds());
      err.flush();
      return new Result(orders.results(), total, elapsed);
    } finally {
      ticker.shutdownNow();
      progress.release();
    }
  }
}
