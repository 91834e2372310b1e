package io.fleetcare.workorders.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
  private final EncryptionKey key = EncryptionKey.random();
  private final FieldCipher cipher = new FieldCipher(key);

  @Test
  void roundTripsAndHidesThePlaintext() {
    byte[] sealed = cipher.encrypt("+49 170 1234567", "row-1");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1234567");
    assertThat(cipher.decrypt(sealed, "row-1")).isEqualTo("+49 170 1234567");
    // a fresh nonce every time
    assertThat(cipher.encrypt("+49 170 1234567", "row-1")).isNotEqualTo(sealed);
  }

  @Test
  void aValueCopiedToAnotherRowOrReadWithAnotherKeyDoesNotDecrypt() {
    byte[] sealed = cipher.encrypt("48.1,11.5", "row-1");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "row-2")).hasMessageContaining("row-2");
    assertThatThrownBy(() -> new FieldCipher(EncryptionKey.random()).decrypt(sealed, "row-1"))
        .isInstanceOf(IllegalStateException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(sealed, "row-1")).hasMessageContaining("tampered");
  }

  @Test
  void nullStaysNull() {
    assertThat(cipher.encrypt(null, "r")).isNull();
    assertThat(cipher.decrypt(null, "r")).isNull();
  }

  @Test
  void keySourcesAndBadKeys() {
    assertThat(EncryptionKey.fromSource("base64:" + key.toBase64())).isEqualTo(key);
    assertThat(key.toString()).doesNotContain(key.toBase64()).contains("redacted");
    assertThatThrownBy(() -> EncryptionKey.fromBase64("c2hvcnQ="))
        .hasMessageContaining("16, 24 or 32 bytes");
    assertThatThrownBy(() -> EncryptionKey.fromSource("env:FLEETCARE_SURELY_UNSET_VARIABLE"))
        .hasMessageContaining("not set");
    assertThatThrownBy(() -> EncryptionKey.fromSource("vault:x"))
        .hasMessageContaining("env:NAME, file:PATH or base64:KEY");
  }
}
