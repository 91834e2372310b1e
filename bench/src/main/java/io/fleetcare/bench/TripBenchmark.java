package io.fleetcare.bench;

import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.fuel.FuelBaselineProcessor;
import io.fleetcare.streamjobs.fuel.FuelOptions;
import io.fleetcare.streamjobs.fuel.FuelState;
import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.trip.TripOptions;
import io.fleetcare.streamjobs.trip.TripSegmenter;
import io.fleetcare.streamjobs.trip.TripState;
import io.fleetcare.streamjobs.usage.UsageOptions;
import io.fleetcare.streamjobs.usage.UsageProfileProcessor;
import io.fleetcare.streamjobs.usage.UsageState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-trip operators (usage profile, fuel baseline and drift) on the trips the job's segmenter
 * finds in the simulated fleet's messages. One operation = one trip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TripBenchmark {
  private final UsageProfileProcessor usage = new UsageProfileProcessor(UsageOptions.defaults());
  private final FuelBaselineProcessor fuel = new FuelBaselineProcessor(FuelOptions.defaults());
  private final List<Trip> trips = new ArrayList<>();
  private final Map<String, Object> states = new HashMap<>();
  private int next;

  @Setup(Level.Trial)
  public void segment(SimulatedFleet fleet) {
    TripSegmenter segmenter = new TripSegmenter(TripOptions.defaults());
    Map<String, TripState> s = new HashMap<>();
    for (VehicleMessage m : fleet.messages) {
      segmenter.process(s.computeIfAbsent(m.vin(), v -> new TripState()), m, trips::add);
    }
    if (trips.isEmpty()) {
      throw new IllegalStateException("no trips in the simulated messages");
    }
  }

  private Trip next() {
    Trip t = trips.get(next);
    if (++next == trips.size()) {
      next = 0;
      states.clear();
    }
    return t;
  }

  @Benchmark
  public void usageProfile(Blackhole bh) {
    Trip t = next();
    usage.onTrip(
        (UsageState) states.computeIfAbsent(t.vin(), v -> new UsageState()), t, bh::consume);
  }

  @Benchmark
  public void fuelBaseline(Blackhole bh) {
    Trip t = next();
    fuel.onTrip((FuelState) states.computeIfAbsent(t.vin(), v -> new FuelState()), t, bh::consume);
  }
}
