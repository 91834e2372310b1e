package io.fleetcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFlinkTest {
  @Test
  void checkpointsGoToFilesNotTheJobManagersMemory() {
    ReadableConfig conf = LocalFlink.environment(1).getConfiguration();
    assertThat(conf.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
    Path dir = Path.of(URI.create(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)));
    assertThat(dir).isDirectory();
    assertThat(dir.getFileName().toString()).startsWith("fleetcare-checkpoints-");
  }

  @Test
  void aGivenDirectoryIsKept(@TempDir Path dir) {
    Configuration extra = new Configuration();
    extra.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    ReadableConfig conf = LocalFlink.environment(1, extra).getConfiguration();
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo(dir.toUri().toString());
  }
}
