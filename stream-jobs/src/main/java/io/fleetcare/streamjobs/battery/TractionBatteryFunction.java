package io.fleetcare.streamjobs.battery;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import java.util.function.Consumer;

/** Keyed by VIN: traction-battery capacity and health (see {@link TractionBatteryProcessor}). */
public final class TractionBatteryFunction
    extends IdleExpiringFunction<TractionBatteryState, SignalPoint> {
  private static final long serialVersionUID = 1L;

  private final TractionBatteryProcessor processor;

  /**
   * @param processor the rules
   * @param idle state of a vehicle silent this long (processing time) is dropped (default 60 days)
   */
  public TractionBatteryFunction(TractionBatteryProcessor processor, Duration idle) {
    super(idle, "traction-battery", TractionBatteryState.class);
    this.processor = processor;
  }

  @Override
  protected TractionBatteryState newState() {
    return new TractionBatteryState();
  }

  @Override
  protected void process(
      String vin, TractionBatteryState current, VehicleMessage message, Consumer<SignalPoint> out) {
    processor.process(vin, current, message, out);
  }
}
