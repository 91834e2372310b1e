package io.fleetcare.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The captured gateway payloads under {@code src/test/resources/payloads}. */
final class PayloadResources {
  private PayloadResources() {}

  /** The bytes of {@code payloads/<file>}. */
  static byte[] bytes(String file) {
    try (InputStream in = PayloadResources.class.getResourceAsStream("/payloads/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
