package io.fleetcare.app.bench;

/**
 * What one step of a rate ladder measured over its measurement window (the step after its warm-up
 * part). "Output" is whatever counts as done for the stage: messages a counting subscriber received
 * (broker alone) or telemetry rows committed to the database (pipeline).
 *
 * @param targetPerS the rate the step offered, messages per second
 * @param windowS length of the measurement window, seconds
 * @param published messages published in the window
 * @param output messages done in the window
 * @param lagStart messages published but not yet done when the window opened
 * @param lagEnd messages published but not yet done when the window closed
 */
public record StepMeasurement(
    double targetPerS, double windowS, long published, long output, long lagStart, long lagEnd) {
  public StepMeasurement {
    if (windowS <= 0) {
      throw new IllegalArgumentException("windowS must be positive, was " + windowS);
    }
  }

  /**
   * The measurement from cumulative counts taken when the window opened and closed: messages
   * published so far and messages done so far (each exact at its instant).
   */
  public static StepMeasurement fromCounts(
      double targetPerS,
      double windowS,
      long publishedAtStart,
      long publishedAtEnd,
      long doneAtStart,
      long doneAtEnd) {
    return new StepMeasurement(
        targetPerS,
        windowS,
        publishedAtEnd - publishedAtStart,
        doneAtEnd - doneAtStart,
        publishedAtStart - doneAtStart,
        publishedAtEnd - doneAtEnd);
  }

  /** Messages published per second in the window (what the load generator really offered). */
  public double inputPerS() {
    return published / windowS;
  }

  /** Messages done per second in the window. */
  public double outputPerS() {
    return output / windowS;
  }

  /** How much the backlog grew over the window, in seconds of input. */
  public double lagGrowthS() {
    double in = Math.max(inputPerS(), 1e-9);
    return (lagEnd - lagStart) / in;
  }

  /** The backlog at the end of the window, in seconds of input. */
  public double lagEndS() {
    double in = Math.max(inputPerS(), 1e-9);
    return lagEnd / in;
  }
}
