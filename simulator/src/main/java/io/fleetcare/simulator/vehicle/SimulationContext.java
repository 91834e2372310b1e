package io.fleetcare.simulator.vehicle;

import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.physics.AmbientTemperatureModel;

/**
 * What every vehicle of one run shares: options, the codec, the weather. Immutable.
 *
 * @param options the run's options
 * @param codec the payload codec (thread-safe)
 * @param ambient the fleet's weather
 */
public record SimulationContext(
    SimulatorOptions options, PayloadCodec codec, AmbientTemperatureModel ambient) {

  /** A context for {@code options}. */
  public static SimulationContext of(SimulatorOptions options) {
    return new SimulationContext(
        options, new PayloadCodec(), new AmbientTemperatureModel(options.seed()));
  }

  long startMs() {
    return options.start().toEpochMilli();
  }

  long endMs() {
    return options.end().toEpochMilli();
  }
}
