package io.fleetcare.workorders.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES key that encrypts personal data (customer phone, vehicle location) at rest. Its {@code
 * toString} never shows the key.
 */
public final class EncryptionKey {
  private final byte[] bytes;

  private EncryptionKey(byte[] bytes) {
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalArgumentException(
          "encryption key must be 16, 24 or 32 bytes (AES-128/192/256), was " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /** A key from its base64 text (44 characters for AES-256). */
  public static EncryptionKey fromBase64(String base64) {
    try {
      return new EncryptionKey(Base64.getDecoder().decode(base64.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("encryption key is not valid base64: " + e.getMessage());
    }
  }

  /**
   * A key from a source description: {@code env:NAME} (base64 in an environment variable), {@code
   * file:PATH} (base64 in a file) or {@code base64:KEY}.
   */
  public static EncryptionKey fromSource(String source) {
    if (source == null) {
      throw new IllegalArgumentException("no encryption key source given");
    }
    if (source.startsWith("env:")) {
      String name = source.substring(4);
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("environment variable " + name + " is not set");
      }
      return fromBase64(value);
    }
    if (source.startsWith("file:")) {
      try {
        return fromBase64(Files.readString(Path.of(source.substring(5))));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read encryption key file " + source, e);
      }
    }
    if (source.startsWith("base64:")) {
      return fromBase64(source.substring(7));
    }
    throw new IllegalArgumentException(
        "encryption key source must be env:NAME, file:PATH or base64:KEY, was '"
            + source.replaceAll("(?<=^.{8}).*", "…")
            + "'");
  }

  /** A fresh random AES-256 key (demo and tests: data encrypted with it dies with the process). */
  public static EncryptionKey random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new EncryptionKey(key);
  }

  /** The key as base64, to store it somewhere safe. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  SecretKey secretKey() {
    return new SecretKeySpec(bytes, "AES");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptionKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "EncryptionKey[AES-" + bytes.length * 8 + ", redacted]";
  }
}
