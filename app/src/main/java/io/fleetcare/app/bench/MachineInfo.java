package io.fleetcare.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a run was on, for the report. */
record MachineInfo(String cpuModel, int cores, long memoryBytes, String os, String jvm) {
  static MachineInfo current() {
    return new MachineInfo(
        cpuInfo("model name").orElse("unknown"),
        Runtime.getRuntime().availableProcessors(),
        memTotal(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  private static Optional<String> cpuInfo(String key) {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal:"))
              .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElse(0L)
          * 1024;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
