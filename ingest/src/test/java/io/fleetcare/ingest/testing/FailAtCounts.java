package io.fleetcare.ingest.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes records through and throws once when the job-wide record count reaches each of the given
 * counts, to force a failover at a known point. Counts live in static state keyed by a name,
 * because the function instance is rebuilt on every restart.
 */
public final class FailAtCounts<T> implements MapFunction<T, T> {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
  private static final Set<String> THROWN = ConcurrentHashMap.newKeySet();

  private final String name;
  private final List<Long> failAt;

  public FailAtCounts(String name, List<Long> failAt) {
    this.name = name;
    this.failAt = List.copyOf(failAt);
  }

  /** How many injected failures were thrown under {@code name}. */
  public static long failures(String name) {
    return THROWN.stream().filter(k -> k.startsWith(name + "@")).count();
  }

  @Override
  public T map(T value) {
    long seen = SEEN.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    for (long at : failAt) {
      if (seen >= at && THROWN.add(name + "@" + at)) {
        throw new InjectedFailure("injected failure after " + seen + " records");
      }
    }
    return value;
  }

  /** The failure this function throws on purpose. */
  public static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String message) {
      super(message);
    }
  }
}
