package io.fleetcare.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.workorders.crypto.EncryptionKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkOrderServiceOptionsTest {
  private static final String URL = "jdbc:postgresql://localhost/x";
  private final EncryptionKey key = EncryptionKey.random();

  @Test
  void defaults() {
    WorkOrderServiceOptions o = WorkOrderServiceOptions.defaults(URL, key);
    assertThat(o.httpPort()).isEqualTo(8080);
    assertThat(o.escalateAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.eventStreamWriteQueueMaxBytes()).isEqualTo(128 * 1024);
  }

  @Test
  void badValuesFailFastWithTheirName() {
    assertThatThrownBy(() -> WorkOrderServiceOptions.builder(URL, key).httpPort(70000).build())
        .hasMessageContaining("httpPort");
    assertThatThrownBy(() -> WorkOrderServiceOptions.builder("jdbc:mysql://x", key).build())
        .hasMessageContaining("jdbcUrl");
    assertThatThrownBy(() -> WorkOrderServiceOptions.builder(URL, null).build())
        .hasMessageContaining("encryptionKey");
    assertThatThrownBy(
            () -> WorkOrderServiceOptions.builder(URL, key).escalateAfter(Duration.ZERO).build())
        .hasMessageContaining("escalateAfter");
    assertThatThrownBy(() -> WorkOrderServiceOptions.builder(URL, key).dbPoolSize(0).build())
        .hasMessageContaining("dbPoolSize");
    assertThatThrownBy(
            () ->
                WorkOrderServiceOptions.builder(URL, key)
                    .eventStreamWriteQueueMaxBytes(100)
                    .build())
        .hasMessageContaining("eventStreamWriteQueueMaxBytes");
  }
}
