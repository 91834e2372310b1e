package io.fleetcare.streamjobs.drills;

import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.TopicKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What hostile or broken gateways send, built from a phase's valid messages so that every payload
 * is different (a redelivered payload is stored once, so identical copies would be one dead
 * letter): truncated JSON, bytes that are not UTF-8, nesting far beyond the parser's limit, an
 * unsupported schema version, a JSON array, a payload without samples, a topic whose VIN level is
 * not a VIN, and a vehicle's data published on another vehicle's topic (a VIN publishing for
 * another VIN).
 */
final class HostilePayloads {
  static final int KINDS = 8;

  private HostilePayloads() {}

  /** {@code count} hostile messages, the kinds in turn, made from {@code valid} telemetry. */
  static List<DrillMessage> flood(List<DrillMessage> valid, int count) {
    List<DrillMessage> telemetry =
        valid.stream().filter(m -> m.topic().endsWith("/telemetry")).toList();
    List<DrillMessage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      DrillMessage base = telemetry.get(i % telemetry.size());
      DrillMessage other = telemetry.get((i * 7 + 3) % telemetry.size());
      String text = new String(base.payload(), StandardCharsets.UTF_8);
      out.add(
          switch (i % KINDS) {
            case 0 -> of(base.topic(), Arrays.copyOf(base.payload(), base.payload().length / 2));
            case 1 -> of(base.topic(), notUtf8(i));
            case 2 -> of(base.topic(), ("{\"v\":1,\"i\":" + i + ",\"x\":" + "[".repeat(5_000)));
            case 3 -> of(base.topic(), text.replaceFirst("\"v\":1", "\"v\":99"));
            case 4 -> of(base.topic(), "[" + i + ",\"" + text.replace("\"", "'") + "\"]");
            case 5 ->
                of(base.topic(), "{\"v\":1,\"vin\":\"" + vinOf(base) + "\",\"seq\":" + i + "}");
            case 6 -> of("fleet/NOT-A-VIN-" + i + "/telemetry", base.payload());
            default -> vinForAnotherVin(base, other, i);
          });
    }
    return out;
  }

  /** Payloads above the decoder's 1 MiB limit, each different in its first bytes. */
  static List<DrillMessage> oversize(List<DrillMessage> valid, int count, int bytes) {
    List<DrillMessage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      DrillMessage base = valid.get(i % valid.size());
      byte[] payload = new byte[bytes];
      Arrays.fill(payload, (byte) ' ');
      byte[] head =
          ("{\"v\":1,\"vin\":\"" + vinOf(base) + "\",\"seq\":" + i + ",\"pad\":\"")
              .getBytes(StandardCharsets.UTF_8);
      System.arraycopy(head, 0, payload, 0, head.length);
      out.add(new DrillMessage(base.topic(), payload, false));
    }
    return out;
  }

  /** {@code base}'s payload (its own VIN inside) published on another vehicle's topic. */
  private static DrillMessage vinForAnotherVin(DrillMessage base, DrillMessage other, int i) {
    String otherVin = vinOf(other);
    if (otherVin.equals(vinOf(base))) {
      // Same vehicle drawn twice: fall back to a made-up but valid VIN.
      otherVin = "WFLZZZHSTX" + String.format("%07d", i % 10_000_000);
    }
    return new DrillMessage(Topic.of(otherVin, TopicKind.TELEMETRY), base.payload(), false);
  }

  private static String vinOf(DrillMessage m) {
    return m.topic().split("/")[1];
  }

  private static byte[] notUtf8(int i) {
    byte[] head = ("{\"v\":1,\"i\":" + i + ",\"s\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(head, head.length + 4);
    out[head.length] = (byte) 0xC3;
    out[head.length + 1] = (byte) 0x28; // an invalid two-byte sequence
    out[head.length + 2] = '"';
    out[head.length + 3] = '}';
    return out;
  }

  private static DrillMessage of(String topic, String payload) {
    return of(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  private static DrillMessage of(String topic, byte[] payload) {
    return new DrillMessage(topic, payload, false);
  }
}
