package io.fleetcare.streamjobs.predict;

import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.model.ModelFiles;
import io.fleetcare.predictors.model.TrendForecaster;
import io.fleetcare.predictors.series.ServiceThresholds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the model the predictor operator serves: the newest version, or the trend prior. */
public final class ForecastModels {
  /** Model version of the trend prior, served when there is no learned model. */
  public static final String TREND_PRIOR_VERSION = "trend-prior-1";

  private static final Logger LOG = LoggerFactory.getLogger(ForecastModels.class);

  private ForecastModels() {}

  /** The trend prior with the default service thresholds. */
  public static ForecastModel trendPrior() {
    return new TrendForecaster(ServiceThresholds.DEFAULTS, TREND_PRIOR_VERSION);
  }

  /** The newest version directory under {@code root}, or null (no root, or no model in it). */
  public static Path latest(String root) {
    if (root.isEmpty()) {
      return null;
    }
    try {
      return ModelFiles.latest(Path.of(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list model directory " + root, e);
    }
  }

  /** Loads the newest model under {@code root}; the trend prior when there is none. */
  public static ForecastModel load(String root) {
    Path dir = latest(root);
    if (dir == null) {
      LOG.info(
          "no model under '{}': forecasting with the trend prior ({})", root, TREND_PRIOR_VERSION);
      return trendPrior();
    }
    try {
      ModelFiles.Loaded loaded = ModelFiles.load(dir);
      LOG.info("forecasting with model {} from {}", loaded.model().version(), dir);
      return loaded.model();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load model " + dir, e);
    }
  }
}
