package io.fleetcare.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU and heap, read from the JVM and from {@code /proc} (Linux). CPU is given in cores: CPU
 * seconds used per wall-clock second. PostgreSQL's figure adds up every {@code postgres} process on
 * the machine, including other users' databases, so on a shared machine it is an upper bound.
 */
final class ResourceMeter {
  /** Cumulative counters at one instant. */
  record Snapshot(
      long wallNanos,
      long jvmCpuNanos,
      long mosquittoTicks,
      long postgresTicks,
      long machineBusyTicks,
      long machineTotalTicks,
      long heapUsedBytes) {}

  /** Use between two snapshots. */
  record Usage(
      double jvmCores,
      double mosquittoCores,
      double postgresCores,
      double machineBusyCores,
      long heapUsedBytes) {}

  private static final double TICKS_PER_S = 100; // USER_HZ on Linux
  private final long mosquittoPid;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  ResourceMeter(long mosquittoPid) {
    this.mosquittoPid = mosquittoPid;
  }

  Snapshot snapshot() {
    long[] machine = machineTicks();
    return new Snapshot(
        System.nanoTime(),
        os.getProcessCpuTime(),
        processTicks(Path.of("/proc/" + mosquittoPid + "/stat")),
        postgresTicks(),
        machine[0],
        machine[1],
        memory.getHeapMemoryUsage().getUsed());
  }

  static Usage between(Snapshot a, Snapshot b) {
    double wallS = (b.wallNanos() - a.wallNanos()) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    long total = b.machineTotalTicks() - a.machineTotalTicks();
    return new Usage(
        (b.jvmCpuNanos() - a.jvmCpuNanos()) / 1e9 / wallS,
        (b.mosquittoTicks() - a.mosquittoTicks()) / TICKS_PER_S / wallS,
        (b.postgresTicks() - a.postgresTicks()) / TICKS_PER_S / wallS,
        total <= 0 ? 0 : cores * (double) (b.machineBusyTicks() - a.machineBusyTicks()) / total,
        Math.max(a.heapUsedBytes(), b.heapUsedBytes()));
  }

  /** utime + stime of a process from its stat line, 0 when it cannot be read. */
  static long processTicks(Path stat) {
    try {
      return ticksOfStatLine(Files.readString(stat));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Fields 14 and 15 (utime, stime) of a /proc/PID/stat line; the name may contain spaces. */
  static long ticksOfStatLine(String line) {
    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    // f[0] is field 3 (state), so utime (field 14) is f[11] and stime f[12].
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long postgresTicks() {
    long sum = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String line = Files.readString(p.resolve("stat"));
          if (line.contains("(postgres)")) {
            sum += ticksOfStatLine(line);
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return sum;
  }

  /** {busy, total} ticks of all CPUs from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] f = lines.getFirst().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
