package io.fleetcare.simulator.gateway;

/**
 * Faults a misbehaving gateway adds to the stream, each as a probability per message (0..1). The
 * faults are drawn from their own random stream derived from the fleet seed, so switching them on
 * does not change the simulated fleet.
 *
 * @param duplicateRate a message is sent twice (same seq, same payload); default 0
 * @param outOfOrderRate a telemetry message is held back and sent after the vehicle's next one (seq
 *     order swapped); default 0
 * @param lateRate a telemetry batch is held back for {@code lateDelayS} seconds of event time (a
 *     gateway that lost connectivity); default 0
 * @param lateDelayS how long late batches are held, in seconds of event time, 1..86400; default 600
 * @param dropRate a message is never sent (its seq is missing downstream); default 0
 * @param clockSkewRate a telemetry message's sample timestamps are shifted by {@code clockSkewS};
 *     default 0
 * @param clockSkewS the shift applied to skewed messages, in seconds (may be negative); default
 *     3600
 * @param malformedRate a copy of a message with a corrupted payload is sent in addition to the
 *     original (so no data is lost; a decoder must reject the copy); default 0
 * @param vinMismatchRate a copy of a message is sent whose payload VIN differs from the topic VIN
 *     (in addition to the original); default 0
 */
public record GatewayFaultOptions(
    double duplicateRate,
    double outOfOrderRate,
    double lateRate,
    int lateDelayS,
    double dropRate,
    double clockSkewRate,
    int clockSkewS,
    double malformedRate,
    double vinMismatchRate) {

  /** No faults. */
  public static final GatewayFaultOptions NONE =
      new GatewayFaultOptions(0, 0, 0, 600, 0, 0, 3600, 0, 0);

  public GatewayFaultOptions {
    rate("duplicateRate", duplicateRate);
    rate("outOfOrderRate", outOfOrderRate);
    rate("lateRate", lateRate);
    rate("dropRate", dropRate);
    rate("clockSkewRate", clockSkewRate);
    rate("malformedRate", malformedRate);
    rate("vinMismatchRate", vinMismatchRate);
    if (lateDelayS < 1 || lateDelayS > 86_400) {
      throw new IllegalArgumentException("lateDelayS must be 1..86400 seconds, was " + lateDelayS);
    }
    if (Math.abs((long) clockSkewS) > 7L * 86_400) {
      throw new IllegalArgumentException("clockSkewS must be within ±7 days, was " + clockSkewS);
    }
  }

  /** True when no fault is switched on. */
  public boolean isNone() {
    return duplicateRate == 0
        && outOfOrderRate == 0
        && lateRate == 0
        && dropRate == 0
        && clockSkewRate == 0
        && malformedRate == 0
        && vinMismatchRate == 0;
  }

  /** These options with every fault rate set to {@code rate} (a stress-test shorthand). */
  public static GatewayFaultOptions all(double rate) {
    return new GatewayFaultOptions(rate, rate, rate, 600, rate, rate, 3600, rate, rate);
  }

  public GatewayFaultOptions withDuplicateRate(double rate) {
    return new GatewayFaultOptions(
        rate,
        outOfOrderRate,
        lateRate,
        lateDelayS,
        dropRate,
        clockSkewRate,
        clockSkewS,
        malformedRate,
        vinMismatchRate);
  }

  public GatewayFaultOptions withOutOfOrderRate(double rate) {
    return new GatewayFaultOptions(
        duplicateRate,
        rate,
        lateRate,
        lateDelayS,
        dropRate,
        clockSkewRate,
        clockSkewS,
        malformedRate,
        vinMismatchRate);
  }

  public GatewayFaultOptions withLateRate(double rate, int delayS) {
    return new GatewayFaultOptions(
        duplicateRate,
        outOfOrderRate,
        rate,
        delayS,
        dropRate,
        clockSkewRate,
        clockSkewS,
        malformedRate,
        vinMismatchRate);
  }

  public GatewayFaultOptions withDropRate(double rate) {
    return new GatewayFaultOptions(
        duplicateRate,
        outOfOrderRate,
        lateRate,
        lateDelayS,
        rate,
        clockSkewRate,
        clockSkewS,
        malformedRate,
        vinMismatchRate);
  }

  public GatewayFaultOptions withClockSkew(double rate, int skewS) {
    return new GatewayFaultOptions(
        duplicateRate,
        outOfOrderRate,
        lateRate,
        lateDelayS,
        dropRate,
        rate,
        skewS,
        malformedRate,
        vinMismatchRate);
  }

  public GatewayFaultOptions withMalformedRate(double rate) {
    return new GatewayFaultOptions(
        duplicateRate,
        outOfOrderRate,
        lateRate,
        lateDelayS,
        dropRate,
        clockSkewRate,
        clockSkewS,
        rate,
        vinMismatchRate);
  }

  public GatewayFaultOptions withVinMismatchRate(double rate) {
    return new GatewayFaultOptions(
        duplicateRate,
        outOfOrderRate,
        lateRate,
        lateDelayS,
        dropRate,
        clockSkewRate,
        clockSkewS,
        malformedRate,
        rate);
  }

  private static void rate(String name, double value) {
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      throw new IllegalArgumentException(name + " must be 0..1, was " + value);
    }
  }
}
