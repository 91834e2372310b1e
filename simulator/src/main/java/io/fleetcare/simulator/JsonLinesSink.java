package io.fleetcare.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes messages to a file instead of a broker, one JSON line per message: {@code
 * {"topic":"fleet/…/telemetry","retained":false,"payload":{…}}}. The payload is embedded verbatim
 * when it is a JSON object; a payload that is not (an injected malformed one) is embedded as a JSON
 * string under {@code payloadText}, so every line stays valid JSON.
 */
public final class JsonLinesSink implements MessageSink {
  private static final byte[] TOPIC = "{\"topic\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RETAINED = ",\"retained\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PAYLOAD_TEXT = ",\"payloadText\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.UTF_8);

  private final OutputStream out;

  /** Creates (or truncates) {@code file}. */
  public JsonLinesSink(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
  }

  /** Writes to {@code out} (closed with the sink). */
  public JsonLinesSink(OutputStream out) {
    this.out = new BufferedOutputStream(out, 1 << 16);
  }

  @Override
  public void send(String topic, byte[] payload, boolean retained) throws IOException {
    out.write(TOPIC);
    writeString(topic);
    out.write(RETAINED);
    out.write(retained ? TRUE : FALSE);
    if (looksLikeObject(payload)) {
      out.write(PAYLOAD);
      out.write(payload);
    } else {
      out.write(PAYLOAD_TEXT);
      writeString(new String(payload, StandardCharsets.UTF_8));
    }
    out.write('}');
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** A cheap check: one JSON object with balanced braces outside strings, nothing after it. */
  static boolean looksLikeObject(byte[] payload) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int i = 0;
    while (i < payload.length && Character.isWhitespace(payload[i])) {
      i++;
    }
    if (i == payload.length || payload[i] != '{') {
      return false;
    }
    for (; i < payload.length; i++) {
      byte b = payload[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        } else if (b == '\n' || b == '\r') {
          return false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          for (int j = i + 1; j < payload.length; j++) {
            if (!Character.isWhitespace(payload[j])) {
              return false;
            }
          }
          return true;
        }
      } else if (b == '\n' || b == '\r') {
        return false;
      }
    }
    return false;
  }

  private void writeString(String s) throws IOException {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    out.write(sb.append('"').toString().getBytes(StandardCharsets.UTF_8));
  }
}
