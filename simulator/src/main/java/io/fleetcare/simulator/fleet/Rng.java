package io.fleetcare.simulator.fleet;

import java.util.SplittableRandom;

/**
 * A seeded random source with the few distributions the simulator needs. Built on {@link
 * SplittableRandom}, whose algorithm is specified, so a seed gives the same numbers on every JVM.
 */
public final class Rng {
  private final SplittableRandom random;

  /** A source seeded with {@code seed}. */
  public Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private Rng(SplittableRandom random) {
    this.random = random;
  }

  /**
   * The seed of stream {@code stream} of entity {@code index} under {@code seed}: a SplitMix64 mix,
   * so neighbouring indices get unrelated streams.
   */
  public static long derive(long seed, long index, long stream) {
    return mix(mix(seed ^ 0x9E3779B97F4A7C15L) + index * 0xBF58476D1CE4E5B9L + stream);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** An independent source split off this one. */
  public Rng split() {
    return new Rng(random.split());
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** Uniform in [min, max). */
  public double uniform(double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  /** Uniform integer in [min, max]. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Normally distributed with the given mean and standard deviation. */
  public double gaussian(double mean, double sd) {
    return mean + sd * random.nextGaussian();
  }

  /** Normal, clamped to [min, max]. */
  public double gaussian(double mean, double sd, double min, double max) {
    return Math.max(min, Math.min(max, gaussian(mean, sd)));
  }

  /** Log-normal with the given median and log-space standard deviation. */
  public double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** Exponentially distributed with the given mean. */
  public double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  /** A uniformly chosen element. */
  public <T> T pick(java.util.List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
