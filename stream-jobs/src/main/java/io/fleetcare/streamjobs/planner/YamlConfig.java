package io.fleetcare.streamjobs.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/** Reading the planner's YAML files with messages that name the file and the field. */
final class YamlConfig {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlConfig() {}

  static String resource(String name) {
    try (InputStream in = YamlConfig.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String source, String yaml) {
    try {
      JsonNode root = YAML.readTree(yaml);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(source + ": expected a mapping at the top level");
      }
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  static void onlyFields(String where, JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new IllegalArgumentException(
            where + ": unknown field '" + f + "'; allowed: " + String.join(", ", allowed));
      }
    }
  }

  static String text(String where, JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new IllegalArgumentException(where + ": '" + field + "' is required");
      }
      return fallback;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be a text");
    }
    return v.asText();
  }

  static double number(String where, JsonNode node, String field, double fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be a number");
    }
    return v.asDouble();
  }
}
