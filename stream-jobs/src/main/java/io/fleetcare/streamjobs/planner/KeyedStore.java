package io.fleetcare.streamjobs.planner;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * A small per-vehicle map the processors read and write: backed by Flink {@link MapState} in the
 * operators (one entry per type or series, so an update writes only that entry) and by a {@link
 * HashMap} in unit tests.
 */
public interface KeyedStore<V> {
  /** The value stored under {@code key}, or null. */
  V get(String key) throws Exception;

  void put(String key, V value) throws Exception;

  void remove(String key) throws Exception;

  /** The entries; callers must not modify the store while iterating. */
  Iterable<Map.Entry<String, V>> entries() throws Exception;

  /** A store over a plain map. */
  static <V> KeyedStore<V> of(Map<String, V> map) {
    return new KeyedStore<>() {
      @Override
      public V get(String key) {
        return map.get(key);
      }

      @Override
      public void put(String key, V value) {
        map.put(key, value);
      }

      @Override
      public void remove(String key) {
        map.remove(key);
      }

      @Override
      public Iterable<Map.Entry<String, V>> entries() {
        return map.entrySet();
      }
    };
  }

  /** A store over keyed Flink map state (of the current key). */
  static <V> KeyedStore<V> of(MapState<String, V> state) {
    return new KeyedStore<>() {
      @Override
      public V get(String key) throws Exception {
        return state.get(key);
      }

      @Override
      public void put(String key, V value) throws Exception {
        state.put(key, value);
      }

      @Override
      public void remove(String key) throws Exception {
        state.remove(key);
      }

      @Override
      public Iterable<Map.Entry<String, V>> entries() throws Exception {
        return state.entries();
      }
    };
  }
}
