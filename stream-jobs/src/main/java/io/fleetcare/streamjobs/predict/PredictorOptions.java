package io.fleetcare.streamjobs.predict;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the predictor operator ({@link PredictorFunction}), validated at construction.
 *
 * @param modelDirectory model root holding one directory per version ({@code ModelFiles}); the
 *     newest is loaded. Empty (the default): no learned model, the trend prior forecasts alone and
 *     says so in {@code modelVersion}
 * @param historyDays days of a vehicle's daily figures kept in keyed state, counted back from its
 *     newest day; must cover the longest trend window (120 days, traction SoH) (default 130)
 * @param idleTimeout a vehicle without messages for this long loses its state; processing time
 *     (default 60 days)
 * @param reloadInterval how often the model directory is checked for a newer version; processing
 *     time (default 5 minutes)
 */
public record PredictorOptions(
    String modelDirectory, int historyDays, Duration idleTimeout, Duration reloadInterval)
    implements Serializable {
  /** Shortest history that still covers every indicator's trend window. */
  public static final int MIN_HISTORY_DAYS = 121;

  public PredictorOptions {
    Objects.requireNonNull(modelDirectory, "modelDirectory (empty for none)");
    if (historyDays < MIN_HISTORY_DAYS || historyDays > 3650) {
      throw new IllegalArgumentException(
          "historyDays must be " + MIN_HISTORY_DAYS + "..3650, was " + historyDays);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
    if (reloadInterval == null || reloadInterval.isNegative() || reloadInterval.isZero()) {
      throw new IllegalArgumentException("reloadInterval must be positive, was " + reloadInterval);
    }
  }

  /** The defaults, with the model root {@code modelDirectory} (empty for none). */
  public static PredictorOptions defaults(String modelDirectory) {
    return new PredictorOptions(modelDirectory, 130, Duration.ofDays(60), Duration.ofMinutes(5));
  }

  /** These options with another idle timeout. */
  public PredictorOptions withIdleTimeout(Duration idle) {
    return new PredictorOptions(modelDirectory, historyDays, idle, reloadInterval);
  }
}
