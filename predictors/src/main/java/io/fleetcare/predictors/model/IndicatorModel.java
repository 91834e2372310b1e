package io.fleetcare.predictors.model;

import io.fleetcare.predictors.series.Indicator;
import java.io.Serializable;
import smile.regression.GradientTreeBoost;

/**
 * The learned part for one indicator: a correction of the trend's log time-to-threshold (null when
 * the trend alone did better on held-out vehicles) and the held-out residuals that give intervals
 * and probabilities.
 *
 * @param indicator which indicator
 * @param correction Smile model of {@code log1p(true days) − log1p(trend days)} (both capped at
 *     {@link LearnedForecastModel#CAP_DAYS}), or null for the trend alone
 * @param residuals sorted held-out residuals in log1p-days
 */
public record IndicatorModel(Indicator indicator, GradientTreeBoost correction, double[] residuals)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
