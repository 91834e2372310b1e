package io.fleetcare.predictors.model;

/**
 * Options of {@link ModelTrainer}; validated at construction.
 *
 * @param holdoutShare share of vehicles held out to calibrate intervals and to choose between trend
 *     and learned correction, 0..0.9 (default 0.25)
 * @param trees boosted trees per indicator (default 200)
 * @param maxDepth depth of each tree (default 4)
 * @param shrinkage learning rate (default 0.05)
 * @param maxRowsPerIndicator training rows per indicator at most; far-from-threshold rows are
 *     thinned first (default 60,000)
 * @param minRows fewer training rows than this keep the trend alone (default 200)
 * @param seed seed of the holdout split and of the thinning (default 7)
 */
public record TrainingOptions(
    double holdoutShare,
    int trees,
    int maxDepth,
    double shrinkage,
    int maxRowsPerIndicator,
    int minRows,
    long seed) {

  public static final TrainingOptions DEFAULTS =
      new TrainingOptions(0.25, 200, 4, 0.05, 60_000, 200, 7);

  public TrainingOptions {
    if (!(holdoutShare >= 0 && holdoutShare <= 0.9)) {
      throw new IllegalArgumentException("holdoutShare must be 0..0.9, was " + holdoutShare);
    }
    if (trees < 1 || maxDepth < 1 || maxRowsPerIndicator < 1 || minRows < 1) {
      throw new IllegalArgumentException(
          "trees, maxDepth, maxRowsPerIndicator, minRows must be >= 1");
    }
    if (!(shrinkage > 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage must be in (0, 1], was " + shrinkage);
    }
  }
}
