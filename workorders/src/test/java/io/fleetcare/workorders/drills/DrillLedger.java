package io.fleetcare.workorders.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill did and what went wrong: named counters and a list of violations. A drill records
 * every check here, prints the ledger, and fails if any violation was recorded.
 */
final class DrillLedger {
  private static final int VIOLATIONS_SHOWN = 40;

  private final String drill;
  private final Map<String, Long> counters = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();

  DrillLedger(String drill) {
    this.drill = drill;
  }

  synchronized void count(String name) {
    add(name, 1);
  }

  synchronized void add(String name, long n) {
    counters.merge(name, n, Long::sum);
  }

  synchronized void put(String name, long value) {
    counters.put(name, value);
  }

  /** Counts one check under {@code name}; records {@code violation} if it failed. */
  synchronized boolean check(String name, boolean ok, String violation) {
    count(name);
    if (!ok) {
      violations.add(name + ": " + violation);
    }
    return ok;
  }

  synchronized int violations() {
    return violations.size();
  }

  /** Prints the accounting and fails the drill on any violation. */
  synchronized void printAndAssert() {
    StringBuilder out = new StringBuilder();
    out.append("\n==== drill ").append(drill).append(" ====\n");
    counters.forEach((k, v) -> out.append(String.format("  %-48s %,d%n", k, v)));
    out.append(String.format("  %-48s %,d%n", "violations", violations.size()));
    violations.stream()
        .limit(VIOLATIONS_SHOWN)
        .forEach(v -> out.append("    VIOLATION ").append(v).append('\n'));
    if (violations.size() > VIOLATIONS_SHOWN) {
      out.append("    … and ").append(violations.size() - VIOLATIONS_SHOWN).append(" more\n");
    }
    System.out.print(out);
    assertThat(violations).as("violations of drill " + drill).isEmpty();
  }
}
