package io.fleetcare.app.bench;

import java.time.Instant;

/**
 * Everything one bench run measured.
 *
 * @param startedAt when the run began
 * @param mode {@code quick} or {@code full}
 * @param settings the settings it ran with
 * @param machine where it ran
 * @param broker the broker-alone stage
 * @param copy the raw COPY stage
 * @param pipeline the full-pipeline and latency stages
 */
record BenchSummary(
    Instant startedAt,
    String mode,
    BenchSettings settings,
    MachineInfo machine,
    BrokerStage.Result broker,
    CopyStage.Result copy,
    PipelineStage.Result pipeline) {

  double pipelineOverBroker() {
    return broker.sustainedPerS() == 0
        ? Double.NaN
        : pipeline.sustainedPerS() / broker.sustainedPerS();
  }

  double sinkOverCopy() {
    return copy.rowsPerS() == 0 ? Double.NaN : pipeline.dbSinkRowsPerS() / copy.rowsPerS();
  }

  /** The step of the pipeline ladder at the sustained rate, or null. */
  StepResult sustainedStep() {
    StepResult best = null;
    for (StepResult s : pipeline.steps()) {
      if (s.verdict().sustained()
          && (best == null || s.measurement().inputPerS() > best.measurement().inputPerS())) {
        best = s;
      }
    }
    return best;
  }
}
