package io.fleetcare.ingest.decode;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Random;

/**
 * Generates hostile payloads for the decoder: valid messages mutated (truncated, bytes flipped,
 * values of the wrong type, absurd times, non-finite numbers), huge arrays, deep nesting, invalid
 * UTF-8, megabyte strings, and plain noise. Deterministic for a given seed.
 */
final class HostilePayloads {
  /** One generated case: where it is published, what it carries, and how it was made. */
  record Case(String topic, byte[] payload, String kind) {}

  private static final String[] KINDS = {"telemetry", "events", "profile"};
  private static final String[] ODD_VALUES = {
    "null",
    "true",
    "false",
    "\"x\"",
    "[]",
    "{}",
    "-1",
    "0",
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "-Infinity",
    "9223372036854775808",
    "-9223372036854775809",
    "1.5",
    "-0",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "[[[]]]",
    "{\"a\":{}}",
    "\"" + "9".repeat(100) + "\"",
    "1" + "0".repeat(70)
  };
  private static final String[] SIGNALS = {
    "Vehicle.Speed",
    "Vehicle.TraveledDistance",
    "Vehicle.OBD.ControlModuleVoltage",
    "Vehicle.LowVoltageBattery.CurrentVoltage",
    "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure",
    "Vehicle.Powertrain.FuelSystem.Level",
    "Custom.Unknown"
  };
  private static final String[] EVENT_TYPES = {
    "IGNITION_ON",
    "IGNITION_OFF",
    "ENGINE_START",
    "DTC_SET",
    "DTC_CLEARED",
    "SERVICE_PERFORMED",
    "SOMETHING_ELSE"
  };
  private static final long T0 = 1_772_352_000_000L; // 2026-03-01T08:00:00Z

  private final Random random;
  private final List<String> vins;

  HostilePayloads(long seed, List<String> vins) {
    this.random = new Random(seed);
    this.vins = vins;
  }

  Case next(int index) {
    String vin = vins.get(random.nextInt(vins.size()));
    String kind = KINDS[random.nextInt(KINDS.length)];
    String topic = topic(vin, kind);
    // Expensive cases are rare so that 100,000 cases stay quick.
    if (index % 5_000 == 1) {
      return new Case(topic, megabyteString(vin), "megabyte string");
    }
    if (index % 5_000 == 2) {
      return new Case(topic, oversized(), "over the size limit");
    }
    if (index % 2_000 == 3) {
      return new Case(topic, hugeArray(vin, kind), "huge array");
    }
    return switch (random.nextInt(10)) {
      case 0 -> new Case(topic, valid(vin, kind), "valid");
      case 1 -> new Case(topic, truncate(valid(vin, kind)), "truncated");
      case 2 -> new Case(topic, flipBytes(valid(vin, kind)), "bytes flipped");
      case 3 -> new Case(topic, replaceValue(valid(vin, kind)), "wrong type or value");
      case 4 -> new Case(topic, invalidUtf8(valid(vin, kind)), "invalid UTF-8");
      case 5 -> new Case(topic, deepNesting(vin), "deep nesting");
      case 6 -> new Case(topic, absurdTime(vin), "absurd time");
      case 7 -> new Case(oddTopic(vin), valid(vin, kind), "odd topic");
      case 8 -> new Case(topic, noise(), "noise");
      default -> new Case(topic, randomJson(vin).getBytes(UTF_8), "random JSON");
    };
  }

  private String topic(String vin, String kind) {
    return "fleet/" + vin + "/" + kind;
  }

  private byte[] valid(String vin, String kind) {
    long seq = random.nextInt(1_000_000);
    String body =
        switch (kind) {
          case "telemetry" -> "\"seq\":" + seq + ",\"samples\":" + samples(1 + random.nextInt(4));
          case "events" -> "\"seq\":" + seq + ",\"events\":" + events(1 + random.nextInt(3));
          default ->
              "\"powertrain\":\"ICE\",\"fuel\":\"petrol\",\"engineDisplacementL\":1.5,"
                  + "\"massKg\":1350,\"modelYear\":2019,\"dealerId\":\"D001\","
                  + "\"hasPadWearSensor\":false";
        };
    return ("{\"v\":1,\"vin\":\"" + vin + "\"," + body + "}").getBytes(UTF_8);
  }

  private String samples(int count) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append("{\"ts\":").append(T0 + random.nextInt(1_000_000)).append(",\"signals\":{");
      int signals = 1 + random.nextInt(3);
      for (int j = 0; j < signals; j++) {
        if (j > 0) {
          s.append(',');
        }
        s.append('"')
            .append(SIGNALS[(j + random.nextInt(SIGNALS.length)) % SIGNALS.length])
            .append(j)
            .append("\":")
            .append(random.nextInt(200));
      }
      s.append("}}");
    }
    return s.append(']').toString();
  }

  private String events(int count) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        s.append(',');
      }
      String type = EVENT_TYPES[random.nextInt(EVENT_TYPES.length)];
      s.append("{\"ts\":").append(T0 + i).append(",\"type\":\"").append(type).append('"');
      switch (type) {
        case "ENGINE_START" -> s.append(",\"crankingMinV\":").append(8 + random.nextInt(5));
        case "DTC_SET", "DTC_CLEARED" -> s.append(",\"code\":\"P0301\"");
        case "SERVICE_PERFORMED" -> s.append(",\"service\":\"BRAKE_PADS\",\"odometerKm\":42000");
        default -> {}
      }
      s.append('}');
    }
    return s.append(']').toString();
  }

  private byte[] truncate(byte[] payload) {
    int length = random.nextInt(payload.length);
    byte[] out = new byte[length];
    System.arraycopy(payload, 0, out, 0, length);
    return out;
  }

  private byte[] flipBytes(byte[] payload) {
    byte[] out = payload.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }

  /** Replaces one JSON value (after a colon) with a value of another type or absurd size. */
  private byte[] replaceValue(byte[] payload) {
    String text = new String(payload, UTF_8);
    int colon = -1;
    for (int tries = 0; tries < 5 && colon < 0; tries++) {
      colon = text.indexOf(':', random.nextInt(text.length()));
    }
    if (colon < 0) {
      colon = text.indexOf(':');
    }
    int end = colon + 1;
    int depth = 0;
    boolean inString = false;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == '"' && text.charAt(end - 1) != '\\') {
        inString = !inString;
      } else if (!inString && (c == '{' || c == '[')) {
        depth++;
      } else if (!inString && (c == '}' || c == ']')) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (!inString && c == ',' && depth == 0) {
        break;
      }
      end++;
    }
    String value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
    return (text.substring(0, colon + 1) + value + text.substring(end)).getBytes(UTF_8);
  }

  private byte[] invalidUtf8(byte[] payload) {
    byte[][] bad = {
      {(byte) 0xC3, 0x28},
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xFE, (byte) 0xFF},
      {0}
    };
    byte[] insert = bad[random.nextInt(bad.length)];
    int at = random.nextInt(payload.length + 1);
    byte[] out = new byte[payload.length + insert.length];
    System.arraycopy(payload, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(payload, at, out, at + insert.length, payload.length - at);
    return out;
  }

  private byte[] deepNesting(String vin) {
    int depth = 10 + random.nextInt(random.nextBoolean() ? 50 : 20_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    String nested = open.repeat(depth) + "1" + close.repeat(depth);
    String payload =
        random.nextBoolean()
            ? nested
            : "{\"v\":1,\"vin\":\""
                + vin
                + "\",\"seq\":1,\"samples\":[{\"ts\":"
                + T0
                + ",\"signals\":{\"X\":"
                + nested
                + "}}]}";
    return payload.getBytes(UTF_8);
  }

  private byte[] absurdTime(String vin) {
    long[] times = {
      -1, 0, Long.MIN_VALUE, Long.MAX_VALUE, 820_454_399_999L, 4_102_444_800_000L, -T0
    };
    String ts =
        random.nextInt(8) == 0 ? "1.5e12" : Long.toString(times[random.nextInt(times.length)]);
    return ("{\"v\":1,\"vin\":\""
            + vin
            + "\",\"seq\":1,\"samples\":[{\"ts\":"
            + ts
            + ",\"signals\":{\"Vehicle.Speed\":10}}]}")
        .getBytes(UTF_8);
  }

  private String oddTopic(String vin) {
    String[] topics = {
      "",
      "/",
      "fleet",
      "fleet/",
      "fleet//telemetry",
      "fleet/" + vin,
      "fleet/" + vin + "/",
      "fleet/" + vin + "/telemetry/x",
      "fleet/" + vin + "/TELEMETRY",
      "FLEET/" + vin + "/telemetry",
      "fleet/+/telemetry",
      "fleet/#",
      "fleet/\u0000/events",
      "fleet/" + "Ä".repeat(300) + "/events",
      "fleet/1HGCM82633A004352/profile",
      "fleet/" + vin.toLowerCase() + "/events"
    };
    return topics[random.nextInt(topics.length)];
  }

  private byte[] noise() {
    byte[] out = new byte[random.nextInt(512)];
    random.nextBytes(out);
    return out;
  }

  private String randomJson(String vin) {
    return "{\"v\":"
        + randomValue(0)
        + ",\"vin\":"
        + (random.nextBoolean() ? "\"" + vin + "\"" : randomValue(0))
        + ",\"seq\":"
        + randomValue(0)
        + ",\"samples\":"
        + randomValue(0)
        + ",\"events\":"
        + randomValue(0)
        + "}";
  }

  private String randomValue(int depth) {
    int choice = depth > 4 ? random.nextInt(6) : random.nextInt(8);
    return switch (choice) {
      case 0 -> ODD_VALUES[random.nextInt(ODD_VALUES.length)];
      case 1 -> Long.toString(random.nextLong());
      case 2 -> Double.toString(random.nextGaussian() * 1e6);
      case 3 -> "\"" + Long.toString(random.nextLong(), 36) + "\"";
      case 4 -> Integer.toString(random.nextInt(3));
      case 5 -> "null";
      case 6 -> {
        StringBuilder a = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.append(i > 0 ? "," : "").append(randomValue(depth + 1));
        }
        yield a.append(']').toString();
      }
      default -> {
        StringBuilder o = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          String key = i == 0 ? "ts" : i == 1 ? "signals" : "k" + i;
          o.append(i > 0 ? "," : "")
              .append('"')
              .append(key)
              .append("\":")
              .append(randomValue(depth + 1));
        }
        yield o.append('}').toString();
      }
    };
  }

  private byte[] megabyteString(String vin) {
    String big = "A".repeat((1 << 20) - 200);
    String[] where = {
      "{\"v\":1,\"vin\":\"" + big + "\",\"seq\":1,\"samples\":[]}",
      "{\"v\":1,\"vin\":\"" + vin + "\",\"seq\":1,\"note\":\"" + big + "\",\"samples\":[]}",
      "{\"v\":1,\"vin\":\""
          + vin
          + "\",\"seq\":1,\"samples\":[{\"ts\":"
          + T0
          + ",\"signals\":{\""
          + big
          + "\":1}}]}"
    };
    return where[random.nextInt(where.length)].getBytes(UTF_8);
  }

  private byte[] oversized() {
    byte[] out = new byte[(1 << 20) + 1 + random.nextInt(1024)];
    java.util.Arrays.fill(out, (byte) ' ');
    out[0] = '{';
    out[out.length - 1] = '}';
    return out;
  }

  private byte[] hugeArray(String vin, String kind) {
    int n = 10_001 + random.nextInt(100);
    String element =
        kind.equals("events")
            ? "{\"ts\":" + T0 + ",\"type\":\"IGNITION_ON\"}"
            : "{\"ts\":" + T0 + ",\"signals\":{\"Vehicle.Speed\":1}}";
    String field = kind.equals("events") ? "events" : "samples";
    StringBuilder s =
        new StringBuilder("{\"v\":1,\"vin\":\"" + vin + "\",\"seq\":1,\"" + field + "\":[");
    for (int i = 0; i < n; i++) {
      s.append(i > 0 ? "," : "").append(element);
    }
    return s.append("]}").toString().getBytes(UTF_8);
  }
}
