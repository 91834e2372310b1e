package io.fleetcare.app.bench;

/**
 * One step of a stepped stage.
 *
 * @param measurement rates and backlog in the measurement window
 * @param verdict sustained or not, and why
 * @param usage CPU and heap over the window
 * @param generatorCores CPU the load generator's publishing threads used (part of the JVM's)
 * @param publishToRow publish → telemetry row latency of the step's marked messages (pipeline only;
 *     empty for the broker-alone stage)
 */
public record StepResult(
    StepMeasurement measurement,
    SustainedRule.Verdict verdict,
    ResourceMeter.Usage usage,
    double generatorCores,
    Percentiles publishToRow) {}
