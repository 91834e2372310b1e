package io.fleetcare.simulator;

/**
 * Receives progress reports of a simulation or replay, at most about once per wall-clock second and
 * once at the end. Called on the publishing thread; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every report. */
  ProgressListener NONE = progress -> {};

  void onProgress(Progress progress);
}
