package io.fleetcare.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MosquittoConfigTest {
  @Test
  void rewritesTheShippedListenerAndKeepsItsLimits() throws Exception {
    String config =
        MosquittoProcess.setOption(MosquittoProcess.shippedConfig(), "listener", "4321 127.0.0.1");
    assertThat(config).containsPattern("(?m)^listener 4321 127.0.0.1$");
    assertThat(config).doesNotContainPattern("(?m)^listener 1883$");
    assertThat(config).containsPattern("(?m)^max_queued_messages 0$");
  }

  @Test
  void appendsAnOptionTheFileLacks() {
    assertThat(MosquittoProcess.setOption("a 1\n", "user", "bench")).endsWith("user bench\n");
  }
}
