package io.fleetcare.workorders.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM encryption of single column values. Layout: format byte {@code 1}, 12-byte random nonce,
 * ciphertext with its 16-byte tag. The row's id is bound in as associated data, so a value copied
 * into another row does not decrypt.
 */
public final class FieldCipher {
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final EncryptionKey key;
  private final SecureRandom random = new SecureRandom();

  public FieldCipher(EncryptionKey key) {
    this.key = key;
  }

  /** Encrypts {@code plaintext} for the row {@code rowId}; null stays null. */
  public byte[] encrypt(String plaintext, String rowId) {
    if (plaintext == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Decrypts a value written by {@link #encrypt} for the same row; null stays null. Throws {@link
   * IllegalStateException} if the key is wrong or the value was tampered with.
   */
  public String decrypt(byte[] sealed, String rowId) {
    if (sealed == null) {
      return null;
    }
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      throw new IllegalStateException("not an encrypted field value (unknown format)");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt field of row " + rowId + " (wrong key or tampered value)", e);
    }
  }
}
