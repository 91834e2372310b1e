package io.fleetcare.app.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.ingest.mqtt.MqttRecord;
import io.fleetcare.simulator.MessageSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the JSON-lines message files the simulator writes ({@code simulate --out}, {@code
 * JsonLinesSink}): {@code {"topic":…,"retained":…,"payload":{…}}} or, for an injected malformed
 * payload, {@code "payloadText":"…"}.
 */
public final class MessageFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.UTF_8);

  private MessageFile() {}

  /** Sends every message of {@code file}, in file order, to {@code sink}. */
  public static long forEach(Path file, MessageSink sink) throws Exception {
    long n = 0;
    byte[] buf = new byte[1 << 20];
    int filled = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (true) {
        int read = in.read(buf, filled, buf.length - filled);
        if (read > 0) {
          filled += read;
        }
        int start = 0;
        for (int i = 0; i < filled; i++) {
          if (buf[i] == '\n') {
            if (i > start) {
              send(Arrays.copyOfRange(buf, start, i), sink);
              n++;
            }
            start = i + 1;
          }
        }
        if (read < 0) {
          if (filled > start) {
            send(Arrays.copyOfRange(buf, start, filled), sink);
            n++;
          }
          return n;
        }
        // Keep the unfinished line; grow the buffer for a line longer than it.
        System.arraycopy(buf, start, buf, 0, filled - start);
        filled -= start;
        if (filled == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
    }
  }

  private static void send(byte[] line, MessageSink sink) throws Exception {
    MqttRecord r = parse(line);
    sink.send(r.topic(), r.payload(), false);
  }

  /** Byte offsets of the line starts of {@code file}, plus the file length at the end. */
  public static long[] lineOffsets(Path file) throws IOException {
    long[] offsets = new long[1 << 16];
    int n = 0;
    offsets[n++] = 0;
    long pos = 0;
    long size = Files.size(file);
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(buf)) > 0) {
        for (int i = 0; i < read; i++) {
          if (buf[i] == '\n' && pos + i + 1 < size) {
            if (n == offsets.length) {
              offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[n++] = pos + i + 1;
          }
        }
        pos += read;
      }
    }
    if (n == offsets.length) {
      offsets = Arrays.copyOf(offsets, n + 1);
    }
    offsets[n++] = size;
    return Arrays.copyOf(offsets, n);
  }

  /** One line as the record the MQTT source would have received. */
  public static MqttRecord parse(byte[] line) throws IOException {
    int end = line.length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r' || line[end - 1] == ' ')) {
      end--;
    }
    int at = indexOf(line, PAYLOAD, end);
    if (at >= 0 && end > 0 && line[end - 1] == '}') {
      // The payload is embedded verbatim up to the line's closing brace: keep its exact bytes.
      JsonNode head =
          JSON.readTree(
              new String(line, 0, at, StandardCharsets.UTF_8) + "}"); // {"topic":…,"retained":…}
      byte[] payload = Arrays.copyOfRange(line, at + PAYLOAD.length, end - 1);
      return MqttRecord.of(head.path("topic").asText(), payload, 0);
    }
    JsonNode j = JSON.readTree(line, 0, end);
    String topic = j.path("topic").asText();
    if (topic.isEmpty()) {
      throw new IOException("message line without a topic");
    }
    byte[] payload =
        j.has("payloadText")
            ? j.get("payloadText").asText().getBytes(StandardCharsets.UTF_8)
            : JSON.writeValueAsBytes(j.path("payload"));
    return MqttRecord.of(topic, payload, 0);
  }

  private static int indexOf(byte[] hay, byte[] needle, int end) {
    outer:
    for (int i = 0; i + needle.length <= end; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (hay[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
