package io.fleetcare.app;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Flink running inside this process (a local MiniCluster), as DESIGN.md's default. */
public final class LocalFlink {
  private LocalFlink() {}

  /** A local environment with one task slot per parallel subtask. */
  public static StreamExecutionEnvironment environment(int parallelism) {
    return environment(parallelism, new Configuration());
  }

  /** The same with {@code extra} settings (e.g. the REST port the bench reads statistics from). */
  public static StreamExecutionEnvironment environment(int parallelism, Configuration extra) {
    Configuration conf = new Configuration(extra);
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
  }
}
