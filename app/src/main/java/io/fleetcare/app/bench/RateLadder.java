package io.fleetcare.app.bench;

import java.util.OptionalDouble;

/**
 * The offered rates of a stepped test: geometric steps up from {@code startPerS} by {@code factor}
 * until a step is not sustained (or {@code maxPerS} is reached), then {@code refinements} bisection
 * steps between the highest sustained and the lowest failed rate. When the first step already
 * fails, the ladder steps down instead, halving the rate until a step is sustained (then bisects as
 * above) or {@code floorPerS} has failed too: the result is the highest rate the system sustains,
 * not zero because the first guess was too high. Rates are rounded to 5 msgs/s. Not thread-safe;
 * one per test.
 */
public final class RateLadder {
  private final double startPerS;
  private final double factor;
  private final double maxPerS;
  private final double floorPerS;
  private final int refinements;
  private final int maxSteps;
  private double highestSustained = 0;
  private double lowestFailed = Double.POSITIVE_INFINITY;
  private double last = Double.NaN;
  private int steps;
  private int refinementsDone;

  /** A ladder that steps down from a failed first step to {@code startPerS / 8}. */
  public RateLadder(
      double startPerS, double factor, double maxPerS, int refinements, int maxSteps) {
    this(startPerS, factor, maxPerS, startPerS / 8, refinements, maxSteps);
  }

  /**
   * @param floorPerS the lowest rate tried when stepping down from a failed first step; {@code
   *     startPerS} means never step down
   */
  public RateLadder(
      double startPerS,
      double factor,
      double maxPerS,
      double floorPerS,
      int refinements,
      int maxSteps) {
    if (startPerS <= 0
        || factor <= 1
        || maxPerS < startPerS
        || floorPerS <= 0
        || floorPerS > startPerS
        || refinements < 0
        || maxSteps < 1) {
      throw new IllegalArgumentException(
          "need startPerS > 0, factor > 1, maxPerS >= startPerS, 0 < floorPerS <= startPerS,"
              + " refinements >= 0, maxSteps >= 1");
    }
    this.startPerS = startPerS;
    this.factor = factor;
    this.maxPerS = maxPerS;
    this.floorPerS = floorPerS;
    this.refinements = refinements;
    this.maxSteps = maxSteps;
  }

  /** The next rate to offer, or empty when the test is over. */
  public OptionalDouble next() {
    if (steps >= maxSteps) {
      return OptionalDouble.empty();
    }
    double rate;
    if (Double.isNaN(last)) {
      rate = startPerS;
    } else if (lowestFailed == Double.POSITIVE_INFINITY) {
      if (last >= maxPerS) {
        return OptionalDouble.empty();
      }
      rate = Math.min(maxPerS, last * factor);
    } else if (highestSustained == 0) {
      // Stepping down: nothing sustained yet.
      if (lowestFailed <= floorPerS) {
        return OptionalDouble.empty();
      }
      rate = Math.max(floorPerS, lowestFailed / 2);
    } else {
      if (refinementsDone >= refinements) {
        return OptionalDouble.empty();
      }
      // Bisection below 2 % of the rate says nothing the noise of one step does not swamp.
      if (lowestFailed - highestSustained < 0.02 * lowestFailed) {
        return OptionalDouble.empty();
      }
      refinementsDone++;
      rate = (highestSustained + lowestFailed) / 2;
    }
    rate = Math.round(rate / 5.0) * 5.0;
    last = rate;
    steps++;
    return OptionalDouble.of(rate);
  }

  /** Records the verdict on the rate {@link #next} returned last. */
  public void record(double ratePerS, boolean sustained) {
    if (sustained) {
      highestSustained = Math.max(highestSustained, ratePerS);
    } else {
      lowestFailed = Math.min(lowestFailed, ratePerS);
    }
  }

  /** The highest offered rate that was sustained, 0 if none (not even the floor). */
  public double highestSustained() {
    return highestSustained;
  }
}
