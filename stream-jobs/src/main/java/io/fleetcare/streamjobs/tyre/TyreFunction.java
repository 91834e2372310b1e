package io.fleetcare.streamjobs.tyre;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.battery.IdleExpiringFunction;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.time.Duration;
import java.util.function.Consumer;

/** Keyed by VIN: tyre pressure trends and tread (see {@link TyreProcessor}). */
public final class TyreFunction extends IdleExpiringFunction<TyreState, SignalPoint> {
  private static final long serialVersionUID = 1L;

  private final TyreProcessor processor;

  /**
   * @param processor the rules
   * @param idle state of a vehicle silent this long (processing time) is dropped (default 60 days)
   */
  public TyreFunction(TyreProcessor processor, Duration idle) {
    super(idle, "tyres", TyreState.class);
    this.processor = processor;
  }

  @Override
  protected TyreState newState() {
    return new TyreState();
  }

  @Override
  protected void process(
      String vin, TyreState current, VehicleMessage message, Consumer<SignalPoint> out) {
    processor.process(vin, current, message, out);
  }
}
