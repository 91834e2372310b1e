package io.fleetcare.streamjobs.battery;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import java.util.function.Consumer;

/** Keyed by VIN: 12 V battery indicators (see {@link Battery12VProcessor}). */
public final class Battery12VFunction extends IdleExpiringFunction<Battery12VState, SignalPoint> {
  private static final long serialVersionUID = 1L;

  private final Battery12VProcessor processor;

  /**
   * @param processor the rules
   * @param idle state of a vehicle silent this long (processing time) is dropped (default 60 days)
   */
  public Battery12VFunction(Battery12VProcessor processor, Duration idle) {
    super(idle, "battery12v", Battery12VState.class);
    this.processor = processor;
  }

  @Override
  protected Battery12VState newState() {
    return new Battery12VState();
  }

  @Override
  protected void process(
      String vin, Battery12VState current, VehicleMessage message, Consumer<SignalPoint> out) {
    processor.process(vin, current, message, out);
  }
}
