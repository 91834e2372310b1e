package io.fleetcare.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Flink running inside this process (a local MiniCluster), as DESIGN.md's default.
 *
 * <p>Checkpoints go to files in a temporary directory that is removed when the process ends.
 * Flink's default for a local environment keeps them in the JobManager's memory, which refuses any
 * subtask's state above 5 MB: about 200 vehicles of predictor history (~25 KB each). Past that
 * every checkpoint failed and the job restarted from its last good one, over and over (seen on a
 * 2,000-vehicle evaluation). A checkpoint of a local cluster cannot outlive the process anyway.
 */
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
    if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, temporaryDirectory().toUri().toString());
    }
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
  }

  private static Path temporaryDirectory() {
    try {
      Path dir = Files.createTempDirectory("fleetcare-checkpoints-");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      TrainCommand.deleteTree(dir);
                    } catch (IOException e) {
                      System.err.println("could not remove " + dir + ": " + e.getMessage());
                    }
                  },
                  "remove-checkpoints"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a checkpoint directory", e);
    }
  }
}
