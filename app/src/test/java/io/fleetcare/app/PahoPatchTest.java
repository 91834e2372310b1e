package io.fleetcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/**
 * The application's class path (which {@code ./fleetcare} runs with) loads ingest's replacement of
 * Paho's CountingInputStream, not Paho's byte-at-a-time original: a dependency declared before
 * ingest that brings Paho would silently undo it.
 */
class PahoPatchTest {
  @Test
  void ingestsCountingInputStreamWins() {
    String location =
        CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation().toString();

    assertThat(location).contains("ingest").doesNotContain("org.eclipse.paho.mqttv5.client");
  }
}
