package io.fleetcare.streamjobs.brake;

import static io.fleetcare.streamjobs.battery.SignalFixtures.VIN;
import static io.fleetcare.streamjobs.battery.SignalFixtures.at;
import static io.fleetcare.streamjobs.battery.SignalFixtures.events;
import static io.fleetcare.streamjobs.battery.SignalFixtures.profile;
import static io.fleetcare.streamjobs.battery.SignalFixtures.sample;
import static io.fleetcare.streamjobs.battery.SignalFixtures.telemetry;
import static io.fleetcare.streamjobs.battery.SignalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pad service published while a sensor car's trip is still open (the simulator's dealer events do
 * this) cleared the sensor readings, and the trip's end then built a NaN signal point, which failed
 * the whole job (seen in {@code fleetcare evaluate} on a 200-vehicle year).
 */
class BrakeWearServiceMidTripTest {
  private static final String FRONT = SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(0));
  private static final String REAR = SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(2));

  @Test
  void aServiceDuringATripLeavesNoSensorReadingToReport() {
    BrakeWearProcessor processor = new BrakeWearProcessor(BrakeWearOptions.defaults());
    BrakeWearState state = new BrakeWearState();
    List<SignalPoint> out = new ArrayList<>();
    processor.process(VIN, state, profile(Powertrain.ICE, 1420, true), out::add);
    processor.process(
        VIN,
        state,
        telemetry(
            1,
            sample(0, SignalCatalogue.SPEED, 30, FRONT, 96.0, REAR, 90.0),
            sample(1, SignalCatalogue.SPEED, 20)),
        out::add);
    processor.process(
        VIN,
        state,
        events(1, new VehicleEvent.ServicePerformed(at(2), "BRAKE_PADS", 40_000)),
        out::add);
    processor.process(VIN, state, events(2, new VehicleEvent.IgnitionOff(at(3))), out::add);

    assertThat(values(out, SignalNames.BRAKE_PAD_WEAR_PCT)).isEmpty();
    assertThat(values(out, SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT)).contains(0.0);
  }
}
