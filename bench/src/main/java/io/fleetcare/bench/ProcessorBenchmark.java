package io.fleetcare.bench;

import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.predictors.model.ForecastModel;
import io.fleetcare.predictors.series.VehicleSeries;
import io.fleetcare.streamjobs.battery.Battery12VProcessor;
import io.fleetcare.streamjobs.battery.Battery12VState;
import io.fleetcare.streamjobs.battery.TractionBatteryProcessor;
import io.fleetcare.streamjobs.battery.TractionBatteryState;
import io.fleetcare.streamjobs.brake.BrakeWearOptions;
import io.fleetcare.streamjobs.brake.BrakeWearProcessor;
import io.fleetcare.streamjobs.brake.BrakeWearState;
import io.fleetcare.streamjobs.distance.DistanceFuelProcessor;
import io.fleetcare.streamjobs.distance.DistanceFuelState;
import io.fleetcare.streamjobs.fault.FaultCodeProcessor;
import io.fleetcare.streamjobs.fault.FaultCodeState;
import io.fleetcare.streamjobs.predict.ForecastModels;
import io.fleetcare.streamjobs.predict.PredictorProcessor;
import io.fleetcare.streamjobs.predict.PredictorState;
import io.fleetcare.streamjobs.trip.TripOptions;
import io.fleetcare.streamjobs.trip.TripSegmenter;
import io.fleetcare.streamjobs.trip.TripState;
import io.fleetcare.streamjobs.tyre.TyreProcessor;
import io.fleetcare.streamjobs.tyre.TyreState;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The plain-Java cores of the job's per-message signal operators, fed the simulated fleet's
 * messages in publishing order with one state object per vehicle, as the keyed operators hold them.
 * One operation = one message (telemetry of 10 samples, an event batch or a profile). When the
 * input is used up the states start afresh, so event time never runs backwards for a state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProcessorBenchmark {
  private final DistanceFuelProcessor distanceFuel = new DistanceFuelProcessor(120);
  private final TripSegmenter trips = new TripSegmenter(TripOptions.defaults());
  private final Battery12VProcessor battery12v = Battery12VProcessor.defaults();
  private final TractionBatteryProcessor traction = TractionBatteryProcessor.defaults();
  private final BrakeWearProcessor brakes = new BrakeWearProcessor(BrakeWearOptions.defaults());
  private final TyreProcessor tyres = TyreProcessor.defaults();
  private final FaultCodeProcessor faults = FaultCodeProcessor.defaults();
  private final PredictorProcessor predictor = new PredictorProcessor(180);
  private final ForecastModel trendPrior = ForecastModels.trendPrior();
  private final Map<String, Object> states = new HashMap<>();
  private int next;

  private VehicleMessage next(SimulatedFleet fleet) {
    VehicleMessage m = fleet.messages.get(next);
    if (++next == fleet.messages.size()) {
      next = 0;
      states.clear();
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private <S> S state(String vin, Supplier<S> fresh) {
    return (S) states.computeIfAbsent(vin, v -> fresh.get());
  }

  @Benchmark
  public Object distanceFuel(SimulatedFleet fleet) {
    VehicleMessage m = next(fleet);
    if (m instanceof TelemetryMessage t) {
      return distanceFuel.process(state(m.vin(), DistanceFuelState::new), t);
    }
    return m;
  }

  @Benchmark
  public void tripSegmenter(SimulatedFleet fleet, Blackhole bh) {
    VehicleMessage m = next(fleet);
    trips.process(state(m.vin(), TripState::new), m, bh::consume);
  }

  @Benchmark
  public void battery12v(SimulatedFleet fleet, Blackhole bh) {
    VehicleMessage m = next(fleet);
    battery12v.process(m.vin(), state(m.vin(), Battery12VState::new), m, bh::consume);
  }

  @Benchmark
  public void tractionBattery(SimulatedFleet fleet, Blackhole bh) {
    VehicleMessage m = next(fleet);
    traction.process(m.vin(), state(m.vin(), TractionBatteryState::new), m, bh::consume);
  }

  @Benchmark
  public void brakeWear(SimulatedFleet fleet, Blackhole bh) {
    VehicleMessage m = next(fleet);
    brakes.process(m.vin(), state(m.vin(), BrakeWearState::new), m, bh::consume);
  }

  @Benchmark
  public void tyres(SimulatedFleet fleet, Blackhole bh) {
    VehicleMessage m = next(fleet);
    tyres.process(m.vin(), state(m.vin(), TyreState::new), m, bh::consume);
  }

  @Benchmark
  public void faultCodes(SimulatedFleet fleet, Blackhole bh) {
    VehicleMessage m = next(fleet);
    faults.process(m.vin(), state(m.vin(), FaultCodeState::new), m, bh::consume);
  }

  /**
   * The predictor operator's per-message work: every message into the vehicle's series, and on the
   * first message of a new day that day's forecasts (the trend prior).
   */
  @Benchmark
  public Object predictor(SimulatedFleet fleet) {
    VehicleMessage m = next(fleet);
    VehicleSeries series = state(m.vin(), () -> new VehicleSeries(m.vin()));
    PredictorState state = state(m.vin() + "/predictor", PredictorState::new);
    return predictor.onMessage(trendPrior, series, state, m);
  }
}
