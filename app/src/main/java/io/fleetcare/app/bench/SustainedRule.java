package io.fleetcare.app.bench;

/**
 * Decides whether a step was sustained: the load generator offered what was asked, the output kept
 * pace with the input, and the backlog stayed bounded. The tolerances are fixed for the harness,
 * not tuned per run.
 *
 * @param minOfferedFraction input must reach this fraction of the target (else the generator, not
 *     the system under test, was the limit)
 * @param minOutputFraction output rate must reach this fraction of the input rate
 * @param maxLagGrowthS the backlog may grow by at most this many seconds of input over the window
 * @param maxLagEndS the backlog at the end of the window may be at most this many seconds of input
 *     (the pipeline always holds messages until a checkpoint and a sink flush, so this is not zero)
 */
public record SustainedRule(
    double minOfferedFraction, double minOutputFraction, double maxLagGrowthS, double maxLagEndS) {

  /** Broker alone: a counting subscriber has no reason to lag. */
  public static SustainedRule brokerAlone() {
    return new SustainedRule(0.97, 0.97, 0.5, 1.0);
  }

  /**
   * The pipeline: acknowledgements wait for a checkpoint and rows for a sink flush (1 s each by
   * default), so a backlog of a few seconds of input is the normal state, not falling behind.
   */
  public static SustainedRule pipeline() {
    return new SustainedRule(0.97, 0.95, 1.0, 5.0);
  }

  /** The verdict on {@code m}. */
  public Verdict judge(StepMeasurement m) {
    if (m.inputPerS() < minOfferedFraction * m.targetPerS()) {
      return new Verdict(
          false,
          String.format(
              "load generator offered only %.0f of %.0f msgs/s", m.inputPerS(), m.targetPerS()));
    }
    if (m.outputPerS() < minOutputFraction * m.inputPerS()) {
      return new Verdict(
          false,
          String.format(
              "output %.0f msgs/s is below %.0f %% of input %.0f msgs/s",
              m.outputPerS(), minOutputFraction * 100, m.inputPerS()));
    }
    if (m.lagGrowthS() > maxLagGrowthS) {
      return new Verdict(
          false, String.format("backlog grew by %.1f s of input in the window", m.lagGrowthS()));
    }
    if (m.lagEndS() > maxLagEndS) {
      return new Verdict(
          false, String.format("backlog of %.1f s of input at the end", m.lagEndS()));
    }
    return new Verdict(true, "sustained");
  }

  /** Whether a step was sustained, and why not. */
  public record Verdict(boolean sustained, String reason) {}
}
