package io.fleetcare.streamjobs.brake;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.battery.IdleExpiringFunction;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import java.util.function.Consumer;

/** Keyed by VIN: brake-pad wear, measured or estimated (see {@link BrakeWearProcessor}). */
public final class BrakeWearFunction extends IdleExpiringFunction<BrakeWearState, SignalPoint> {
  private static final long serialVersionUID = 1L;

  private final BrakeWearProcessor processor;

  /**
   * @param processor the rules
   * @param idle state of a vehicle silent this long (processing time) is dropped (default 60 days)
   */
  public BrakeWearFunction(BrakeWearProcessor processor, Duration idle) {
    super(idle, "brake-wear", BrakeWearState.class);
    this.processor = processor;
  }

  @Override
  protected BrakeWearState newState() {
    return new BrakeWearState();
  }

  @Override
  protected void process(
      String vin, BrakeWearState current, VehicleMessage message, Consumer<SignalPoint> out) {
    processor.process(vin, current, message, out);
  }
}
