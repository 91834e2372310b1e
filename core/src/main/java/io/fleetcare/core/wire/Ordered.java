package io.fleetcare.core.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies that keep insertion order. {@code Map.copyOf} iterates in a per-JVM random
 * order, which would make encoded payloads differ between runs of the same simulation.
 */
final class Ordered {
  private Ordered() {}

  static <K, V> Map<K, V> map(Map<K, V> source) {
    return source.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  static <T> List<T> list(List<T> source) {
    return source.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(source));
  }
}
