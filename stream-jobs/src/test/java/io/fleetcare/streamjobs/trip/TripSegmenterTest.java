package io.fleetcare.streamjobs.trip;

import static io.fleetcare.streamjobs.TestMessages.T0;
import static io.fleetcare.streamjobs.TestMessages.VIN;
import static io.fleetcare.streamjobs.TestMessages.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.Trip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TripSegmenterTest {
  private static final String SPEED = SignalCatalogue.SPEED;
  private static final String RPM = SignalCatalogue.ENGINE_SPEED;
  private static final String FUEL = SignalCatalogue.FUEL_RATE;
  private static final String AIR = SignalCatalogue.AIR_TEMPERATURE;
  private static final String ODO = SignalCatalogue.TRAVELED_DISTANCE;

  private final TripSegmenter segmenter = new TripSegmenter(TripOptions.defaults());
  private final TripState state = new TripState();
  private final List<Trip> trips = new ArrayList<>();

  private void feed(VehicleMessage... messages) {
    for (VehicleMessage m : messages) {
      segmenter.process(state, m, trips::add);
    }
  }

  static EventMessage events(long seq, VehicleEvent... events) {
    return new EventMessage(VIN, seq, List.of(events));
  }

  static TelemetryMessage telemetry(long seq, Sample... samples) {
    return new TelemetryMessage(VIN, seq, List.of(samples));
  }

  static long at(int offsetS) {
    return T0.plusSeconds(offsetS).toEpochMilli();
  }

  /** The trip of the class's hand computation, with IGNITION_OFF overtaking its last samples. */
  static List<VehicleMessage> handComputedTrip() {
    return List.of(
        events(1, new VehicleEvent.IgnitionOn(at(0))),
        telemetry(
            1,
            sample(0, SPEED, 0, RPM, 0, FUEL, 0, AIR, 10),
            sample(10, SPEED, 0, RPM, 800, FUEL, 0.72),
            sample(20, SPEED, 36, RPM, 1500, FUEL, 3.6),
            sample(30, SPEED, 90, RPM, 2500, FUEL, 7.2)),
        events(2, new VehicleEvent.IgnitionOff(at(60))),
        telemetry(
            2,
            sample(40, SPEED, 90, RPM, 2500, FUEL, 7.2),
            sample(50, SPEED, 3, RPM, 800, FUEL, 0.72),
            sample(60, SPEED, 0, RPM, 0, FUEL, 0, AIR, 12)));
  }

  @Test
  void aTripFromIgnitionEventsWithHandComputedFigures() {
    handComputedTrip().forEach(this::feed);

    assertThat(trips).hasSize(1);
    Trip t = trips.getFirst();
    assertThat(t.vin()).isEqualTo(VIN);
    assertThat(t.startMs()).isEqualTo(at(0));
    assertThat(t.endMs()).isEqualTo(at(60));
    assertThat(t.durationS()).isEqualTo(60);
    // Trapezoids of 10 s: (0+36)/2, (36+90)/2, 90, (90+3)/2, (3+0)/2 km/h.
    double km = (18 + 63 + 90 + 46.5 + 1.5) * 10 / 3600;
    assertThat(t.distanceKm()).isCloseTo(km, within(1e-12));
    // 0.72/2, (0.72+3.6)/2, (3.6+7.2)/2, 7.2, (7.2+0.72)/2, 0.72/2 l/h for 10 s each.
    assertThat(t.fuelL())
        .isCloseTo((0.36 + 2.16 + 5.4 + 7.2 + 3.96 + 0.36) * 10 / 3600, within(1e-12));
    assertThat(t.fuelL()).isCloseTo(0.054, within(1e-12));
    // Only 0–10 s is standstill with the engine running; at 60 s the engine is off.
    assertThat(t.idleShare()).isCloseTo(10.0 / 60, within(1e-12));
    // One stop (90 → 3 km/h) over 0.608 km.
    assertThat(t.stopAndGoIndex()).isCloseTo(1 / km, within(1e-9));
    // Only the 30–40 s trapezoid (90 km/h) is above 80 km/h.
    assertThat(t.highwayShare()).isCloseTo(90 * 10 / 3600.0 / km, within(1e-9));
    assertThat(t.nightShare()).isZero();
    assertThat(t.meanAirTemperatureC()).isEqualTo(11);
    assertThat(t.litresPer100Km()).isNaN(); // under 1 km
  }

  @Test
  void aTripIsEmittedOnceAndLateSamplesAreDropped() {
    handComputedTrip().forEach(this::feed);
    feed(telemetry(3, sample(50, SPEED, 3), sample(60, SPEED, 0)));
    feed(events(3, new VehicleEvent.IgnitionOff(at(60))));
    assertThat(trips).hasSize(1);
  }

  @Test
  void theOdometerWinsOverIntegratedSpeed() {
    feed(
        events(1, new VehicleEvent.IgnitionOn(at(0))),
        telemetry(
            1,
            sample(0, SPEED, 0, ODO, 10_000_000),
            sample(10, SPEED, 54, ODO, 10_000_150),
            sample(20, SPEED, 0, ODO, 10_000_400)),
        events(2, new VehicleEvent.IgnitionOff(at(20))));
    Trip t = trips.getFirst();
    assertThat(t.distanceKm()).isCloseTo(0.4, within(1e-9));
    // The highway share is a share of the speed trace, whichever distance is reported.
    assertThat(t.highwayShare()).isZero();
    assertThat(t.stopAndGoIndex()).isCloseTo(1 / 0.4, within(1e-9));
  }

  @Test
  void nightIsTwentyTwoToSixUtc() {
    // T0 is 07:30; 14.5 h later is 22:00.
    int night = 14 * 3600 + 1800;
    feed(
        events(1, new VehicleEvent.IgnitionOn(at(night - 20))),
        telemetry(
            1,
            sample(night - 20, SPEED, 0),
            sample(night - 10, SPEED, 36),
            sample(night, SPEED, 36),
            sample(night + 10, SPEED, 36),
            sample(night + 20, SPEED, 0)),
        events(2, new VehicleEvent.IgnitionOff(at(night + 20))));
    // Intervals are classified by their midpoints: two of four fall after 22:00.
    assertThat(trips.getFirst().nightShare()).isCloseTo(0.5, within(1e-12));
    // No engine-speed signal (a BEV): standstill counts as idle; none here but the ends.
    assertThat(trips.getFirst().idleShare()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void aFailedStartIsNoTripAndALostIgnitionOffIsRecovered() {
    feed(
        events(1, new VehicleEvent.IgnitionOn(at(0))),
        events(
            2,
            new VehicleEvent.Other(at(1), "NO_START", java.util.Map.of()),
            new VehicleEvent.IgnitionOff(at(5))));
    assertThat(trips).isEmpty();

    feed(
        events(3, new VehicleEvent.IgnitionOn(at(100))),
        telemetry(1, sample(100, SPEED, 0), sample(110, SPEED, 36), sample(120, SPEED, 0)));
    // Its IGNITION_OFF was lost: the next IGNITION_ON closes it.
    feed(events(4, new VehicleEvent.IgnitionOn(at(1000))));
    assertThat(trips).hasSize(1);
    assertThat(trips.getFirst().startMs()).isEqualTo(at(100));
    assertThat(trips.getFirst().endMs()).isEqualTo(at(120));
    assertThat(trips.getFirst().distanceKm()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void samplesThatOvertakeIgnitionOnBelongToTheTrip() {
    // A vehicle known to send ignition events (before its first one, a standstill sample before
    // the engine runs would look like a parked car's and be skipped).
    feed(
        events(1, new VehicleEvent.IgnitionOn(at(-100))),
        events(2, new VehicleEvent.IgnitionOff(at(-95))));
    feed(
        telemetry(1, sample(0, SPEED, 0), sample(10, SPEED, 36)),
        events(3, new VehicleEvent.IgnitionOn(at(0))),
        telemetry(2, sample(20, SPEED, 0)),
        events(4, new VehicleEvent.IgnitionOff(at(20))));
    assertThat(trips).hasSize(1);
    assertThat(trips.getFirst().startMs()).isEqualTo(at(0));
    assertThat(trips.getFirst().distanceKm()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void withoutIgnitionEventsStandstillWithTheEngineOffEndsTheTrip() {
    feed(
        telemetry(
            1,
            sample(0, SPEED, 0, RPM, 0), // parked: no trip yet
            sample(60, SPEED, 30, RPM, 1500),
            sample(120, SPEED, 40, RPM, 1800),
            sample(180, SPEED, 0, RPM, 0),
            sample(240, SPEED, 0, RPM, 0),
            sample(300, SPEED, 0, RPM, 0)));
    assertThat(trips).isEmpty(); // 2 min of standstill: maybe a long traffic light
    feed(telemetry(2, sample(360, SPEED, 0, RPM, 0), sample(420, SPEED, 20, RPM, 1000)));

    assertThat(trips).hasSize(1);
    Trip t = trips.getFirst();
    assertThat(t.startMs()).isEqualTo(at(60));
    assertThat(t.endMs()).isEqualTo(at(180)); // the standstill after the stop is not the trip's
    assertThat(t.distanceKm()).isCloseTo((35 + 20) * 60 / 3600.0, within(1e-12));
    assertThat(t.idleShare()).isZero();

    // The next trip opened at 420 s; a gap over 10 min ends it.
    feed(telemetry(3, sample(480, SPEED, 20, RPM, 1000), sample(1200, SPEED, 20, RPM, 1000)));
    assertThat(trips).hasSize(2);
    assertThat(trips.get(1).startMs()).isEqualTo(at(420));
    assertThat(trips.get(1).endMs()).isEqualTo(at(480));
  }
}
