package io.fleetcare.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Plain-ASCII payloads are parsed from their bytes, everything else through the strict UTF-8
 * decoder: both paths must give the same message and the same rejections.
 */
class PayloadCodecAsciiPathTest {
  private final PayloadCodec codec = new PayloadCodec();
  private static final String TOPIC = PayloadCodecDecodeTest.TELEMETRY_TOPIC;

  @Test
  void asciiAndNonAsciiPayloadsDecodeToTheSameMessage() {
    String ascii = PayloadCodecDecodeTest.TELEMETRY;
    // The same JSON with one non-ASCII character in insignificant whitespace (U+00A0 is not JSON
    // whitespace, so use a BOM, which the contract allows in front).
    String withBom = "\uFEFF" + ascii;
    DecodeResult a = codec.decode(TOPIC, ascii.getBytes(StandardCharsets.US_ASCII));
    DecodeResult b = codec.decode(TOPIC, withBom.getBytes(StandardCharsets.UTF_8));
    assertThat(a).isInstanceOf(DecodeResult.Accepted.class).isEqualTo(b);
  }

  @Test
  void utf16WithoutByteOrderMarkIsRejectedNotAutoDetected() {
    // Every byte is below 0x80, but half of them are NUL: Jackson alone would read it as UTF-16.
    byte[] utf16 = PayloadCodecDecodeTest.TELEMETRY.getBytes(StandardCharsets.UTF_16BE);
    DecodeResult r = codec.decode(TOPIC, utf16);
    assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
    assertThat(((DecodeResult.Rejected) r).reason()).isEqualTo(RejectReason.MALFORMED_JSON);
  }

  @Test
  void malformedAsciiIsRejectedWithJacksonsFirstLine() {
    DecodeResult r = codec.decode(TOPIC, "{\"v\":1,".getBytes(StandardCharsets.US_ASCII));
    assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
    assertThat(((DecodeResult.Rejected) r).reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(((DecodeResult.Rejected) r).detail()).doesNotContain("\n");
  }

  @Test
  void blankAsciiIsEmpty() {
    DecodeResult r = codec.decode(TOPIC, " \t\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(((DecodeResult.Rejected) r).detail()).contains("empty");
  }
}
