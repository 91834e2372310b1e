package io.fleetcare.streamjobs.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.simulator.SimulatorOptions;
import io.fleetcare.simulator.VehicleSummary;
import io.fleetcare.streamjobs.signal.Trip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trips cut from simulated telemetry against the simulator's own totals. */
class TripSimulationTest {
  @Test
  void tripsDistanceAndFuelMatchTheSimulatorsPhysics() throws Exception {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(7)
            .vehicles(10)
            .days(7)
            .sampleIntervalS(10)
            .samplesPerMessage(30)
            .threads(1)
            .build();
    SimulatedFleet.Run run = SimulatedFleet.run(options);
    TripOptions tripOptions = TripOptions.defaults();
    long trips = 0;
    long simulatedTrips = 0;
    for (VehicleSummary v : run.summary().vehicles()) {
      List<Trip> cut = SimulatedFleet.trips(tripOptions, run.messages().get(v.vin()));
      double km = cut.stream().mapToDouble(Trip::distanceKm).sum();
      double fuel = cut.stream().mapToDouble(Trip::fuelL).sum();
      assertThat(km)
          .as(v.vin() + " km")
          .isCloseTo(v.distanceKm(), within(0.005 * v.distanceKm() + 0.01));
      assertThat(fuel).as(v.vin() + " fuel").isCloseTo(v.fuelL(), within(0.005 * v.fuelL() + 0.01));
      trips += cut.size();
      simulatedTrips += v.trips();
      for (Trip t : cut) {
        assertThat(t.idleShare()).isBetween(0.0, 1.0);
        assertThat(t.highwayShare()).isBetween(0.0, 1.0);
        assertThat(t.nightShare()).isBetween(0.0, 1.0);
      }
    }
    assertThat(trips).isEqualTo(simulatedTrips);
  }
}
