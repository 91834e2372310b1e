package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.Topic;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSimulatorTest {
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static final PayloadCodec CODEC = new PayloadCodec();

  private static SimulatorOptions.Builder options() {
    return SimulatorOptions.builder().seed(42).vehicles(6).days(2).start(START);
  }

  private static byte[] runToBytes(SimulatorOptions options) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonLinesSink sink = new JsonLinesSink(bytes)) {
      new FleetSimulator(options).run(sink);
    }
    return bytes.toByteArray();
  }

  private static VehicleMessage decode(CollectingSink.Sent m) {
    DecodeResult result = CODEC.decode(m.topic(), m.payload());
    assertThat(result)
        .as("%s %s", m.topic(), new String(m.payload()))
        .isInstanceOf(DecodeResult.Accepted.class);
    return ((DecodeResult.Accepted) result).message();
  }

  @Test
  void sameSeedGivesByteIdenticalOutputWhateverTheThreadCount() throws Exception {
    byte[] first = runToBytes(options().threads(1).build());
    byte[] second = runToBytes(options().threads(3).build());

    assertThat(first).hasSizeGreaterThan(100_000);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentSeedsGiveDifferentFleets() throws Exception {
    FleetSimulator a = new FleetSimulator(options().seed(1).build());
    FleetSimulator b = new FleetSimulator(options().seed(2).build());

    assertThat(a.fleet())
        .extracting(v -> v.vin())
        .doesNotContainAnyElementsOf(b.fleet().stream().map(v -> v.vin()).toList());
    assertThat(runToBytes(options().seed(1).build()))
        .isNotEqualTo(runToBytes(options().seed(2).build()));
  }

  @Test
  void growingTheFleetKeepsTheFirstVehicles() {
    var small = new FleetSimulator(options().vehicles(3).build()).fleet();
    var large = new FleetSimulator(options().vehicles(10).build()).fleet();

    assertThat(large.subList(0, 3))
        .extracting(v -> v.profile(), v -> v.initialOdometerKm(), v -> v.seed())
        .isEqualTo(
            small.stream()
                .map(
                    v ->
                        org.assertj.core.groups.Tuple.tuple(
                            v.profile(), v.initialOdometerKm(), v.seed()))
                .toList());
  }

  @Test
  void everyPayloadDecodesAndProfilesComeFirstRetained() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulationSummary summary = new FleetSimulator(options().build()).run(sink);

    assertThat(sink.messages.subList(0, 6)).allSatisfy(m -> assertThat(m.retained()).isTrue());
    assertThat(sink.messages.subList(6, sink.messages.size()))
        .noneMatch(CollectingSink.Sent::retained);
    for (CollectingSink.Sent m : sink.messages) {
      VehicleMessage message = decode(m);
      assertThat(Topic.parse(m.topic()).orElseThrow().vin()).isEqualTo(message.vin());
    }
    assertThat(summary.telemetryMessages() + summary.eventMessages() + summary.profileMessages())
        .isEqualTo(sink.messages.size());
    assertThat(summary.profileMessages()).isEqualTo(6);
  }

  @Test
  void publishedSamplesIntegrateToTheTrueDistanceAndFuel() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulationSummary summary = new FleetSimulator(options().vehicles(8).build()).run(sink);

    Map<String, StreamIntegrator.Totals> integrated = StreamIntegrator.integrate(sink.messages);
    for (VehicleSummary v : summary.vehicles()) {
      StreamIntegrator.Totals t = integrated.get(v.vin());
      assertThat(v.distanceKm()).as(v.vin()).isGreaterThan(1);
      assertThat(t.distanceKm())
          .as(v.vin())
          .isCloseTo(v.distanceKm(), within(v.distanceKm() * 0.005));
      assertThat(t.fuelL())
          .as(v.vin())
          .isCloseTo(v.fuelL(), within(Math.max(1e-6, v.fuelL() * 0.005)));
    }
  }

  @Test
  void odometerDeltasMatchTheTrueDistance() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulationSummary summary = new FleetSimulator(options().vehicles(8).build()).run(sink);

    Map<String, double[]> firstLast = new HashMap<>();
    for (CollectingSink.Sent m : sink.messages) {
      if (decode(m) instanceof TelemetryMessage t) {
        for (Sample s : t.samples()) {
          if (s.has(SignalCatalogue.TRAVELED_DISTANCE)) {
            double odo = s.valueOr(SignalCatalogue.TRAVELED_DISTANCE, 0);
            firstLast.merge(t.vin(), new double[] {odo, odo}, (a, b) -> new double[] {a[0], b[1]});
          }
        }
      }
    }
    assertThat(firstLast).isNotEmpty();
    for (VehicleSummary v : summary.vehicles()) {
      double[] odo = firstLast.get(v.vin());
      if (odo != null) {
        assertThat((odo[1] - odo[0]) / 1000).isCloseTo(v.distanceKm(), within(0.01));
      }
    }
  }

  @Test
  void seqRisesByOnePerVehicleAndTopicFromOne() throws Exception {
    CollectingSink sink = new CollectingSink();
    new FleetSimulator(options().build()).run(sink);

    Map<String, Long> lastSeq = new HashMap<>();
    for (CollectingSink.Sent m : sink.messages) {
      long seq =
          switch (decode(m)) {
            case TelemetryMessage t -> t.seq();
            case EventMessage e -> e.seq();
            case VehicleProfile p -> -1;
          };
      if (seq >= 0) {
        long expected = lastSeq.getOrDefault(m.topic(), 0L) + 1;
        assertThat(seq).as(m.topic()).isEqualTo(expected);
        lastSeq.put(m.topic(), seq);
      }
    }
  }

  @Test
  void messagesArriveInEventTimeOrderAcrossTheFleet() throws Exception {
    CollectingSink sink = new CollectingSink();
    new FleetSimulator(options().build()).run(sink);

    long previous = Long.MIN_VALUE;
    for (CollectingSink.Sent m : sink.messages) {
      long ts =
          switch (decode(m)) {
            case TelemetryMessage t -> t.samples().getLast().tsMs();
            case EventMessage e -> e.events().getFirst().tsMs();
            case VehicleProfile p -> Long.MIN_VALUE;
          };
      assertThat(ts).isGreaterThanOrEqualTo(previous == Long.MIN_VALUE ? ts : previous);
      previous = Math.max(previous, ts);
    }
  }

  @Test
  void everyTripStartsAndEndsAtStandstillBetweenIgnitionEvents() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulationSummary summary = new FleetSimulator(options().build()).run(sink);

    Map<String, List<Sample>> samples = new HashMap<>();
    Map<String, List<VehicleEvent>> events = new HashMap<>();
    Map<String, VehicleProfile> profiles = new HashMap<>();
    for (CollectingSink.Sent m : sink.messages) {
      switch (decode(m)) {
        case TelemetryMessage t ->
            samples.computeIfAbsent(t.vin(), k -> new ArrayList<>()).addAll(t.samples());
        case EventMessage e ->
            events.computeIfAbsent(e.vin(), k -> new ArrayList<>()).addAll(e.events());
        case VehicleProfile p -> profiles.put(p.vin(), p);
      }
    }
    for (VehicleSummary v : summary.vehicles()) {
      List<VehicleEvent> ev = events.getOrDefault(v.vin(), List.of());
      List<VehicleEvent.IgnitionOn> ons =
          ev.stream()
              .filter(e -> e instanceof VehicleEvent.IgnitionOn)
              .map(e -> (VehicleEvent.IgnitionOn) e)
              .toList();
      List<VehicleEvent> offs =
          ev.stream().filter(e -> e instanceof VehicleEvent.IgnitionOff).toList();
      assertThat(ons).hasSize(offs.size()).hasSizeGreaterThanOrEqualTo((int) v.trips());
      if (profiles.get(v.vin()).powertrain() == VehicleProfile.Powertrain.ICE) {
        assertThat(ev.stream().filter(e -> e instanceof VehicleEvent.EngineStart))
            .hasSize((int) v.trips());
      }
      for (int i = 0; i < ons.size(); i++) {
        long on = ons.get(i).tsMs();
        long off = offs.get(i).tsMs();
        List<Sample> trip =
            samples.getOrDefault(v.vin(), List.of()).stream()
                .filter(s -> s.tsMs() >= on && s.tsMs() <= off)
                .toList();
        if (trip.isEmpty()) {
          continue; // a no-start
        }
        assertThat(trip.getFirst().tsMs()).isEqualTo(on);
        assertThat(trip.getLast().tsMs()).isEqualTo(off);
        assertThat(trip.getFirst().valueOr(SignalCatalogue.SPEED, -1)).isZero();
        assertThat(trip.getLast().valueOr(SignalCatalogue.SPEED, -1)).isZero();
      }
    }
  }

  @Test
  void longerSampleIntervalsStillRepresentTheDistance() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulationSummary summary =
        new FleetSimulator(options().vehicles(8).sampleIntervalS(30).build()).run(sink);

    Map<String, StreamIntegrator.Totals> integrated = StreamIntegrator.integrate(sink.messages);
    double trueKm = summary.totalDistanceKm();
    double publishedKm =
        integrated.values().stream().mapToDouble(StreamIntegrator.Totals::distanceKm).sum();
    assertThat(publishedKm).isCloseTo(trueKm, within(trueKm * 0.005));
    double trueFuel = summary.vehicles().stream().mapToDouble(VehicleSummary::fuelL).sum();
    double publishedFuel =
        integrated.values().stream().mapToDouble(StreamIntegrator.Totals::fuelL).sum();
    assertThat(publishedFuel).isCloseTo(trueFuel, within(trueFuel * 0.005));
  }

  @Test
  void everyVehicleUsesItsOwnPowertrainSignals() throws Exception {
    CollectingSink sink = new CollectingSink();
    SimulatorOptions o = options().vehicles(30).days(1).build();
    FleetSimulator simulator = new FleetSimulator(o);
    simulator.run(sink);

    Map<String, VehicleProfile> profiles = new HashMap<>();
    Map<String, java.util.Set<String>> signals = new HashMap<>();
    for (CollectingSink.Sent m : sink.messages) {
      switch (decode(m)) {
        case VehicleProfile p -> profiles.put(p.vin(), p);
        case TelemetryMessage t ->
            t.samples()
                .forEach(
                    s ->
                        signals
                            .computeIfAbsent(t.vin(), k -> new java.util.HashSet<>())
                            .addAll(s.signals().keySet()));
        default -> {}
      }
    }
    assertThat(profiles.values())
        .extracting(VehicleProfile::powertrain)
        .contains(VehicleProfile.Powertrain.values());
    signals.forEach(
        (vin, seen) -> {
          VehicleProfile p = profiles.get(vin);
          if (p.powertrain() == VehicleProfile.Powertrain.BEV) {
            assertThat(seen)
                .contains(SignalCatalogue.TRACTION_CURRENT)
                .doesNotContain(
                    SignalCatalogue.ENGINE_SPEED, SignalCatalogue.FUEL_RATE, SignalCatalogue.MAF);
          } else {
            assertThat(seen).contains(SignalCatalogue.ENGINE_SPEED);
            assertThat(
                    seen.contains(SignalCatalogue.FUEL_RATE) ^ seen.contains(SignalCatalogue.MAF))
                .isTrue();
          }
          assertThat(seen.contains(SignalCatalogue.padWear("Row1.Wheel.Left")))
              .isEqualTo(p.hasPadWearSensor());
        });
    assertThat(signals.values().stream().filter(s -> s.contains(SignalCatalogue.TRAVELED_DISTANCE)))
        .isNotEmpty();
    assertThat(
            signals.values().stream().filter(s -> !s.contains(SignalCatalogue.TRAVELED_DISTANCE)))
        .isNotEmpty();
  }
}
