package io.fleetcare.streamjobs.fault;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.battery.IdleExpiringFunction;
import io.fleetcare.streamjobs.signal.FaultCodeChange;
import java.time.Duration;
import java.util.function.Consumer;

/** Keyed by VIN: DTC lifecycle changes (see {@link FaultCodeProcessor}). */
public final class FaultCodeFunction extends IdleExpiringFunction<FaultCodeState, FaultCodeChange> {
  private static final long serialVersionUID = 1L;

  private final FaultCodeProcessor processor;

  /**
   * @param processor the rules
   * @param idle state of a vehicle silent this long (processing time) is dropped (default 60 days)
   */
  public FaultCodeFunction(FaultCodeProcessor processor, Duration idle) {
    super(idle, "fault-codes", FaultCodeState.class);
    this.processor = processor;
  }

  @Override
  protected FaultCodeState newState() {
    return new FaultCodeState();
  }

  @Override
  protected void process(
      String vin, FaultCodeState current, VehicleMessage message, Consumer<FaultCodeChange> out) {
    processor.process(vin, current, message, out);
  }
}
