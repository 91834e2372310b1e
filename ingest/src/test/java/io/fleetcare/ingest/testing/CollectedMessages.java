package io.fleetcare.ingest.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a test job delivered, by (vin, seq) key: how often each arrived. Static because Flink
 * serializes the sink into the job; each test uses its own instance name.
 */
public final class CollectedMessages {
  private static final Map<String, CollectedMessages> BY_NAME = new ConcurrentHashMap<>();

  private final Map<String, AtomicInteger> countByKey = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();

  private CollectedMessages() {}

  /** The collection registered under {@code name}, created empty on first use. */
  public static CollectedMessages named(String name) {
    return BY_NAME.computeIfAbsent(name, n -> new CollectedMessages());
  }

  /** Forgets the collection {@code name}. */
  public static void drop(String name) {
    BY_NAME.remove(name);
  }

  public void add(String key) {
    countByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    total.incrementAndGet();
  }

  /** Distinct keys received. */
  public int distinct() {
    return countByKey.size();
  }

  /** All deliveries, duplicates included. */
  public long total() {
    return total.get();
  }

  /** Deliveries beyond the first of each key. */
  public long duplicates() {
    return total.get() - countByKey.size();
  }

  /** How often {@code key} arrived. */
  public int count(String key) {
    AtomicInteger count = countByKey.get(key);
    return count == null ? 0 : count.get();
  }

  public boolean contains(String key) {
    return countByKey.containsKey(key);
  }
}
