package io.fleetcare.simulator.vehicle;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleProfile.Powertrain;
import io.fleetcare.simulator.OutboundMessage;
import io.fleetcare.simulator.VehicleSummary;
import io.fleetcare.simulator.fleet.DegradationParameters;
import io.fleetcare.simulator.fleet.FaultPlan;
import io.fleetcare.simulator.fleet.Rng;
import io.fleetcare.simulator.fleet.VehicleSpec;
import io.fleetcare.simulator.physics.Battery12VModel;
import io.fleetcare.simulator.physics.BrakePadWearModel;
import io.fleetcare.simulator.physics.CoolantTemperatureModel;
import io.fleetcare.simulator.physics.ElectricDriveModel;
import io.fleetcare.simulator.physics.EngineDepositModel;
import io.fleetcare.simulator.physics.FuelProperties;
import io.fleetcare.simulator.physics.HybridPowertrainModel;
import io.fleetcare.simulator.physics.IceEngineModel;
import io.fleetcare.simulator.physics.RoadLoadModel;
import io.fleetcare.simulator.physics.TractionBatteryModel;
import io.fleetcare.simulator.physics.TyreModel;
import io.fleetcare.simulator.trip.TripPlan;
import io.fleetcare.simulator.trip.TripPlanner;
import io.fleetcare.simulator.trip.TripProfileGenerator;
import io.fleetcare.simulator.truth.GroundTruthRecord;
import io.fleetcare.simulator.truth.GroundTruthRecord.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One vehicle's life: trips with per-second physics, wear and ageing while driving and parked,
 * services, and the messages its gateway publishes. {@link #advanceTo} moves the vehicle forward in
 * event time; it is resumable mid-trip, so a fleet can be stepped window by window and merged in
 * event-time order. Not thread-safe; each vehicle is stepped by one thread at a time.
 */
public final class VehicleSimulation {
  private static final long SECOND_MS = 1000;
  private static final long DAY_MS = 86_400_000L;
  private static final double MILEAGE_SERVICE_KM = 10_000;
  private static final double HEV_REGEN_LIMIT_W = 25_000;
  private static final double ENGINE_BRAKING_W = 2_500;
  private static final List<String> WHEELS = SignalCatalogue.WHEELS;

  private final VehicleSpec spec;
  private final SimulationContext ctx;
  private final String vin;
  private final Powertrain powertrain;
  private final int sampleIntervalS;
  private final int slowPeriodS;

  private final Rng tripRng;
  private final Rng noiseRng;
  private final Rng ownerRng;
  private final TripPlanner planner;
  private final TripProfileGenerator profiles;
  private final ArrayDeque<TripPlan> upcoming = new ArrayDeque<>();
  private long nextPlanDayMs;

  private final RoadLoadModel road;
  private final FuelProperties fuel;
  private final IceEngineModel ice;
  private final HybridPowertrainModel hybrid;
  private final ElectricDriveModel electric;
  private final TractionBatteryModel traction;
  private final Battery12VModel battery;
  private final BrakePadWearModel pads;
  private final TyreModel tyres;
  private final EngineDepositModel deposits;
  private final CoolantTemperatureModel coolant;
  private final List<FaultCodeModel> faults = new ArrayList<>();
  private final long slowLeakStartMs;
  private final int slowLeakWheel;
  private final double slowLeakKPaPerDay;
  private final double refuelBelowPercent;
  private final double chargeBelowPercent;

  private final TelemetryBatcher batcher;
  private final EventPublisher events;
  private final GroundTruthLog truth;
  private final ServiceSchedule services = new ServiceSchedule();

  /** Event time up to which the vehicle's state has been simulated while parked. */
  private long clockMs;

  private long lastTopUpMs;
  private boolean leakStarted;
  private double fuelLevelPercent;
  private double odometerM;
  private double distanceM;
  private double fuelL;
  private double tractionJ;
  private long trips;
  private double nextMilestoneKm;
  private double ltftBasePercent;
  private ActiveTrip trip;

  /**
   * @param spec the vehicle
   * @param ctx the run it belongs to
   */
  public VehicleSimulation(VehicleSpec spec, SimulationContext ctx) {
    this.spec = spec;
    this.ctx = ctx;
    this.vin = spec.vin();
    this.powertrain = spec.powertrain();
    this.sampleIntervalS = ctx.options().sampleIntervalS();
    this.slowPeriodS = ctx.options().slowSignalPeriodS();
    // Independent streams, so e.g. a change in the trip physics does not move the trip plan.
    this.planner = new TripPlanner(spec.usage(), new Rng(Rng.derive(spec.seed(), 1, 2)));
    this.tripRng = new Rng(Rng.derive(spec.seed(), 2, 3));
    this.noiseRng = new Rng(Rng.derive(spec.seed(), 3, 4));
    this.ownerRng = new Rng(Rng.derive(spec.seed(), 4, 5));
    this.profiles = new TripProfileGenerator(spec.aggressiveness());

    DegradationParameters d = spec.degradation();
    double displacementL = spec.profile().engineDisplacementL();
    this.road =
        new RoadLoadModel(spec.drivingMassKg(), spec.dragAreaM2(), spec.rollingResistance());
    this.fuel = FuelProperties.of(spec.profile().fuel());
    this.ice =
        powertrain == Powertrain.ICE
            ? new IceEngineModel(fuel, displacementL, spec.aggressiveness())
            : null;
    this.hybrid =
        powertrain == Powertrain.HEV ? new HybridPowertrainModel(fuel, displacementL) : null;
    this.electric = powertrain == Powertrain.BEV ? new ElectricDriveModel() : null;
    this.traction =
        spec.hasTractionBattery()
            ? new TractionBatteryModel(
                spec.tractionBatteryKWh(),
                spec.packNominalV(),
                powertrain == Powertrain.HEV ? 60 : ownerRng.uniform(50, 90),
                d.initialStateOfHealthPercent(),
                d.sohFadePerYear(),
                d.sohFadePerCycle())
            : null;
    this.battery =
        new Battery12VModel(
            d.battery12vCapacity(),
            d.battery12vFadePerYear(),
            d.battery12vSulfationPerYear(),
            d.crankCurrentA(),
            d.battery12vResistanceOhm(),
            Math.max(1.0, displacementL));
    this.pads =
        new BrakePadWearModel(
            d.padWearPercentPerMJ(), d.initialPadWearPercent(), spec.usage().roughRoad());
    double style = 1 + 0.5 * spec.aggressiveness() + 1.2 * spec.usage().roughRoad();
    this.tyres =
        new TyreModel(
            d.tyreNominalKPa(),
            d.initialTreadMm(),
            d.treadWearMmPer1000Km(),
            d.tyreSeepPercentPerMonth(),
            style);
    this.deposits =
        new EngineDepositModel(d.depositFactor(), d.depositPerColdHour(), d.depositPerWarmHour());
    for (FaultPlan plan : d.faults()) {
      faults.add(new FaultCodeModel(plan, ctx.startMs()));
    }
    this.slowLeakWheel = d.slowLeakWheel();
    this.slowLeakStartMs = ctx.startMs() + (long) (d.slowLeakStartDay() * DAY_MS);
    this.slowLeakKPaPerDay = d.slowLeakKPaPerDay();
    this.refuelBelowPercent = ownerRng.uniform(10, 25);
    this.chargeBelowPercent = ownerRng.uniform(35, 70);
    this.fuelLevelPercent = ownerRng.uniform(30, 95);
    this.ltftBasePercent = ownerRng.uniform(-3, 3);

    this.batcher =
        new TelemetryBatcher(spec.index(), vin, ctx.options().samplesPerMessage(), ctx.codec());
    this.events = new EventPublisher(spec.index(), vin, ctx.codec());
    this.truth = new GroundTruthLog(vin);

    this.clockMs = ctx.startMs();
    this.lastTopUpMs = ctx.startMs();
    this.nextPlanDayMs = Math.floorDiv(ctx.startMs(), DAY_MS) * DAY_MS;
    this.odometerM = spec.initialOdometerKm() * 1000;
    this.nextMilestoneKm =
        Math.floor(spec.initialOdometerKm() / MILEAGE_SERVICE_KM + 1) * MILEAGE_SERVICE_KM;
    double ambient = ambientC(clockMs);
    this.coolant = new CoolantTemperatureModel(ambient);
    tyres.settle(ambient);
    for (FaultCodeModel f : faults) {
      if (f.kind().hasPrecursor()) {
        truth.add(
            "FAULT_CODE",
            Kind.PRECURSOR_STARTED,
            "precursor of " + f.kind().code(),
            Math.max(ctx.startMs(), f.precursorStartMs()),
            Double.NaN,
            odometerKm(),
            f.kind().code());
      }
    }
  }

  /** The vehicle's fixed facts. */
  public VehicleSpec spec() {
    return spec;
  }

  /**
   * Simulates up to (excluding) {@code untilMs} and appends every message whose publish time falls
   * before it, in publish order. A trip under way is stepped only up to {@code untilMs}; no trip
   * starts at or after the end of the run, but one under way is finished when called with a later
   * {@code untilMs}.
   */
  public void advanceTo(long untilMs, List<OutboundMessage> out) {
    while (true) {
      if (trip != null) {
        trip.stepUntil(untilMs, out);
        if (!trip.finished()) {
          return;
        }
        trip = null;
      }
      TripPlan next = nextPlannedTrip();
      long nextStart = next == null ? Long.MAX_VALUE : Math.max(next.startMs(), clockMs + 60_000);
      // Owners do not visit a workshop after the simulated span.
      performServicesBefore(Math.min(Math.min(untilMs, nextStart), ctx.endMs()), out);
      if (next == null || nextStart >= untilMs || nextStart >= ctx.endMs()) {
        return;
      }
      upcoming.poll();
      startTrip(next, nextStart, out);
    }
  }

  /** Totals so far. */
  public VehicleSummary summary() {
    return new VehicleSummary(
        vin,
        distanceM / 1000,
        fuelL,
        batcher.messages(),
        batcher.samples(),
        trips,
        tractionJ / 3.6e6,
        pads.frictionMJ(),
        List.of(pads.wearPercent(0), pads.wearPercent(1), pads.wearPercent(2), pads.wearPercent(3)),
        List.of(
            pads.gainedPercent(0),
            pads.gainedPercent(1),
            pads.gainedPercent(2),
            pads.gainedPercent(3)));
  }

  /** Ground truth so far, in the order it happened. */
  public List<GroundTruthRecord> groundTruth() {
    return truth.records();
  }

  /** Event messages published so far. */
  public long eventMessages() {
    return events.messages();
  }

  // ---- trips ----

  private TripPlan nextPlannedTrip() {
    while (upcoming.isEmpty() && nextPlanDayMs < ctx.endMs()) {
      for (TripPlan plan : planner.plan(nextPlanDayMs)) {
        if (plan.startMs() >= ctx.startMs()) {
          upcoming.add(plan);
        }
      }
      nextPlanDayMs += DAY_MS;
    }
    return upcoming.peek();
  }

  private void startTrip(TripPlan plan, long t0, List<OutboundMessage> out) {
    long parkedMs = t0 - clockMs;
    park(t0);
    double ambient = ambientC(t0);
    ownerActionsBeforeTrip(t0, parkedMs);
    checkTyrePressure(t0);
    events.publish(new VehicleEvent.IgnitionOn(t0), out);
    if (powertrain == Powertrain.ICE) {
      double crankV = round(battery.crankingMinV(ambient) + noiseRng.gaussian(0, 0.04), 2);
      long crankTs = t0 + SECOND_MS;
      if (crankV < Battery12VModel.SERVICE_THRESHOLD_V
          && truth.cross("BATTERY_12V", "cranking < 9.6 V", crankTs, crankV, odometerKm(), "")) {
        services.schedule("BATTERY_12V", crankTs + (long) (ownerRng.uniform(15, 60) * DAY_MS));
      }
      if (crankV < Battery12VModel.NO_START_V) {
        events.publish(
            new VehicleEvent.Other(
                crankTs, "NO_START", Map.of("crankingMinV", Double.toString(crankV))),
            out);
        events.publish(new VehicleEvent.IgnitionOff(t0 + 5 * SECOND_MS), out);
        truth.add(
            "BATTERY_12V", Kind.NO_START, "cranking < 7.0 V", crankTs, crankV, odometerKm(), "");
        // A car that does not start gets a new battery within a day or so.
        services.reschedule("BATTERY_12V", crankTs + (long) (ownerRng.uniform(0.2, 1.5) * DAY_MS));
        clockMs = t0 + 5 * SECOND_MS;
        return;
      }
      battery.crank();
      trip = new ActiveTrip(t0, profiles.generate(plan, tripRng), crankV);
    } else {
      trip = new ActiveTrip(t0, profiles.generate(plan, tripRng), Double.NaN);
    }
    trips++;
  }

  /** Brings the parked car's state from {@link #clockMs} to {@code nowMs}. */
  private void park(long nowMs) {
    double seconds = (nowMs - clockMs) / 1000.0;
    if (seconds <= 0) {
      return;
    }
    double ambient = ambientC(clockMs + (nowMs - clockMs) / 2);
    battery.park(seconds, ambient);
    coolant.park(seconds, ambientC(nowMs));
    tyres.lose(seconds);
    if (seconds > 3600) {
      tyres.settle(ambientC(nowMs));
    }
    if (traction != null) {
      traction.age(seconds, ambient);
      traction.rest();
    }
    if (slowLeakWheel >= 0 && !leakStarted && nowMs >= slowLeakStartMs) {
      // The puncture is noticed by the model at the next state update; it leaks from then on.
      leakStarted = true;
      tyres.startLeak(slowLeakWheel, slowLeakKPaPerDay);
    }
    clockMs = nowMs;
  }

  private void ownerActionsBeforeTrip(long t0, long parkedMs) {
    if (spec.hasEngine() && fuelLevelPercent < refuelBelowPercent) {
      fuelLevelPercent = ownerRng.uniform(90, 100);
    }
    if (traction != null && powertrain == Powertrain.BEV) {
      double soc = traction.socPercent();
      if (soc < 20) {
        traction.charge(ownerRng.uniform(75, 85)); // fast charger on the way
      } else if (soc < chargeBelowPercent && parkedMs > 4 * 3_600_000L) {
        traction.charge(ownerRng.uniform(85, 100)); // charged overnight at home
      }
    }
    // Now and then an owner checks the tyres at a filling station; a leaking tyre is left to the
    // TPMS warning and the workshop.
    if (!tyres.leaking() && t0 - lastTopUpMs > 30 * DAY_MS && ownerRng.chance(0.05)) {
      tyres.topUp();
      lastTopUpMs = t0;
    }
  }

  private void checkTyrePressure(long tsMs) {
    int wheel = tyres.lowestWheel();
    double kPa = tyres.pressureKPa(wheel);
    if (kPa < TyreModel.PRESSURE_THRESHOLD * tyres.nominalKPa()
        && truth.cross(
            "TYRES",
            "pressure < 75 % of nominal",
            tsMs,
            round(kPa, 1),
            odometerKm(),
            WHEELS.get(wheel) + " pressure")) {
      long delay =
          tyres.leaking()
              ? (long) (ownerRng.uniform(0.5, 3) * DAY_MS)
              : (long) (ownerRng.uniform(1, 10) * DAY_MS);
      services.schedule("TYRES", tsMs + delay);
    }
  }

  private void performServicesBefore(long limitMs, List<OutboundMessage> out) {
    ServiceSchedule.Due due;
    while ((due = services.pollDue(limitMs)) != null) {
      long ts = Math.max(due.atMs(), clockMs + SECOND_MS);
      if (ts >= limitMs) {
        services.schedule(due.component(), ts);
        return;
      }
      park(ts);
      perform(due.component(), ts, out);
    }
  }

  private void perform(String component, long ts, List<OutboundMessage> out) {
    switch (component) {
      case "BRAKE_PADS" -> pads.replace();
      case "BATTERY_12V" -> battery.replace();
      case "TYRES" -> {
        if (tyres.treadMm(tyres.mostWorn()) < TyreModel.TREAD_THRESHOLD_MM + 0.5) {
          tyres.replace();
        } else {
          tyres.repairLeak();
        }
      }
      case "ENGINE_DEPOSITS" -> deposits.clean();
      case "FAULT_CODE" -> {
        for (FaultCodeModel f : faults) {
          if (f.isSet()) {
            f.repair();
            events.publish(new VehicleEvent.DtcCleared(ts, f.kind().code()), out);
          }
        }
      }
      default -> {
        // MILEAGE_SERVICE: an inspection; of what is modelled, only the tyre pressures change.
        if (!tyres.leaking()) {
          tyres.topUp();
          lastTopUpMs = ts;
        }
      }
    }
    truth.serviced(component, ts, odometerKm());
    if (ctx.options().publishServiceEvents()) {
      events.publish(new VehicleEvent.ServicePerformed(ts, component, round(odometerKm(), 1)), out);
    }
  }

  private double odometerKm() {
    return odometerM / 1000;
  }

  private double ambientC(long tsMs) {
    return ctx.ambient().celsius(tsMs, spec.climateOffsetC());
  }

  private static double round(double value, int decimals) {
    double scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    return Math.round(value * scale) / scale;
  }

  /** One trip in progress: the speed trace and the step the physics has reached. */
  private final class ActiveTrip {
    private final long t0;
    private final double[] speedKmh;
    private final double crankingV;
    private final int engineOffStep;
    private final int lastStep;
    private int step;
    private double ambient;
    private double thermostat;
    private double charging;
    private double lean;
    private long lastSlowStep = Long.MIN_VALUE / 2;
    // Sums over the current sample interval of the rate-like signals.
    private double sumSpeed;
    private double sumRpm;
    private double sumFuelRate;
    private double sumCurrent;
    private int sumCount;

    ActiveTrip(long t0, double[] speedKmh, double crankingV) {
      this.t0 = t0;
      this.speedKmh = speedKmh;
      this.crankingV = crankingV;
      this.ambient = ambientC(t0);
      this.engineOffStep = speedKmh.length - 1;
      // With samples every k > 1 s, the ignition stays on (engine off) until a whole interval of
      // standstill has been reported: every sample interval then has the same length and the trip
      // starts and ends with zero speed and fuel, so the trapezoid integral of the interval means
      // is exactly the driven distance and fuel. With k = 1 nothing is added.
      int k = sampleIntervalS;
      this.lastStep = k == 1 ? engineOffStep : ((engineOffStep + k - 1 + k - 1) / k) * k;
    }

    boolean finished() {
      return step > lastStep;
    }

    void stepUntil(long untilMs, List<OutboundMessage> out) {
      int last = lastStep;
      while (step <= last && t0 + step * SECOND_MS < untilMs) {
        step(step, last, out);
        step++;
      }
      if (finished()) {
        end(out);
      }
    }

    private void step(int i, int last, List<OutboundMessage> out) {
      long ts = t0 + i * SECOND_MS;
      if (i % 60 == 0) {
        // Weather and fault precursors change over hours and days: refresh them once a minute.
        ambient = ambientC(ts);
        thermostat = precursor(FaultPlan.FaultKind.THERMOSTAT, ts);
        charging = precursor(FaultPlan.FaultKind.CHARGING_SYSTEM, ts);
        lean = precursor(FaultPlan.FaultKind.LEAN_MIXTURE, ts);
      }
      double v = i < speedKmh.length ? speedKmh[i] : 0;
      double vPrev = i > 0 && i - 1 < speedKmh.length ? speedKmh[i - 1] : 0;
      // The engine (or drive system) runs from the second after ignition on until it is switched
      // off at the end of the speed trace.
      boolean running = i >= 1 && i < engineOffStep;
      double wheelW = road.wheelPowerW(vPrev, v);
      double rpm = 0;
      double fuelRate = 0;
      double currentA = 0;
      double frictionW = 0;
      double loadW = Math.max(0, wheelW);
      coolant.regulateAt(90 - 20 * thermostat);
      double consumption =
          deposits.factor() * (1 + 0.25 * Math.max(0, (70 - coolant.temperatureC()) / 70));
      if (i == 1 && !Double.isNaN(crankingV)) {
        events.publish(new VehicleEvent.EngineStart(ts, crankingV), out);
      }
      switch (powertrain) {
        case ICE -> {
          if (running) {
            rpm = ice.rpm(v);
            fuelRate = ice.fuelRateLPerH(wheelW, 0, consumption);
          }
          if (wheelW < 0) {
            frictionW = Math.max(0, -wheelW - (v > 15 ? ENGINE_BRAKING_W : 0));
          }
        }
        case HEV -> {
          if (running) {
            HybridPowertrainModel.Split split =
                hybrid.split(
                    wheelW,
                    v,
                    traction.socPercent(),
                    consumption,
                    coolant.temperatureC() < 40 && i < 90);
            rpm = split.engineRpm();
            fuelRate = split.fuelLPerH();
            tractionJ += traction.draw(split.batteryW());
            currentA = traction.currentA();
            loadW = split.engineOn() ? loadW : 0;
          } else {
            hybrid.stop();
            traction.rest();
          }
          if (wheelW < 0) {
            frictionW = Math.max(0, -wheelW - Math.min(-wheelW, HEV_REGEN_LIMIT_W));
          }
        }
        case BEV -> {
          if (running) {
            tractionJ += traction.draw(electric.batteryPowerW(wheelW, ambient));
            currentA = traction.currentA();
          } else {
            traction.rest();
          }
          if (wheelW < 0) {
            frictionW =
                Math.max(
                    0, -wheelW - ElectricDriveModel.regenCapturedW(wheelW, electric.regenLimitW()));
          }
        }
      }
      // Physics totals: distance is speed x 1 s at each step (the trace starts and ends at 0, so
      // this equals the trapezoid integral of the samples).
      double stepM = v / 3.6;
      distanceM += stepM;
      odometerM += stepM;
      double stepFuelL = fuelRate / 3600;
      fuelL += stepFuelL;
      if (spec.tankL() > 0) {
        fuelLevelPercent = Math.max(0, fuelLevelPercent - stepFuelL / spec.tankL() * 100);
      }
      pads.brake(frictionW);
      tyres.drive(v, (v - vPrev) / 3.6, ambient);
      if (spec.hasEngine() && (rpm > 0)) {
        coolant.run(loadW);
        deposits.run(coolant.temperatureC());
      }
      double chargeV = Battery12VModel.chargingV(ambient) - 1.3 * charging;
      if (running) {
        battery.charge(1, chargeV);
      }
      checkCrossings(i, ts, out);

      sumSpeed += v;
      sumRpm += rpm;
      sumFuelRate += fuelRate;
      sumCurrent += currentA;
      sumCount++;
      if (i == 0 || i == last || i % sampleIntervalS == 0) {
        batcher.add(sample(i, last, ts, running, chargeV), out);
      }
    }

    private void checkCrossings(int i, long ts, List<OutboundMessage> out) {
      int worn = pads.mostWorn();
      if (pads.wearPercent(worn) >= BrakePadWearModel.SERVICE_THRESHOLD_PERCENT
          && truth.cross(
              "BRAKE_PADS", "pad wear >= 100 %", ts, 100.0, odometerKm(), WHEELS.get(worn))) {
        services.schedule("BRAKE_PADS", ts + (long) (ownerRng.uniform(2, 14) * DAY_MS));
      }
      if (odometerKm() >= nextMilestoneKm) {
        truth.add(
            "MILEAGE_SERVICE",
            Kind.THRESHOLD_CROSSED,
            "odometer passes a multiple of 10,000 km",
            ts,
            nextMilestoneKm,
            odometerKm(),
            "");
        services.schedule("MILEAGE_SERVICE", ts + (long) (ownerRng.uniform(0, 20) * DAY_MS));
        nextMilestoneKm += MILEAGE_SERVICE_KM;
      }
      for (FaultCodeModel f : faults) {
        if (i >= 1 && f.due(ts)) {
          f.markSet();
          events.publish(new VehicleEvent.DtcSet(ts, f.kind().code()), out);
          truth.add(
              "FAULT_CODE",
              Kind.THRESHOLD_CROSSED,
              "DTC set",
              ts,
              Double.NaN,
              odometerKm(),
              f.kind().code());
          services.schedule("FAULT_CODE", ts + (long) (ownerRng.uniform(2, 10) * DAY_MS));
        }
      }
      if (i % 60 != 0) {
        return;
      }
      int thin = tyres.mostWorn();
      if (tyres.treadMm(thin) < TyreModel.TREAD_THRESHOLD_MM
          && truth.cross(
              "TYRES",
              "tread < 3 mm",
              ts,
              round(tyres.treadMm(thin), 2),
              odometerKm(),
              WHEELS.get(thin) + " tread")) {
        services.schedule("TYRES", ts + (long) (ownerRng.uniform(3, 30) * DAY_MS));
      }
      if (spec.hasEngine()
          && deposits.increaseOverBaseline() >= EngineDepositModel.SERVICE_THRESHOLD
          && truth.cross(
              "ENGINE_DEPOSITS",
              "fuel use +15 % over baseline",
              ts,
              round(deposits.increaseOverBaseline() * 100, 2),
              odometerKm(),
              "")) {
        services.schedule("ENGINE_DEPOSITS", ts + (long) (ownerRng.uniform(14, 60) * DAY_MS));
      }
      if (powertrain == Powertrain.BEV && traction.sohPercent() < 80) {
        truth.cross(
            "TRACTION_BATTERY",
            "state of health < 80 %",
            ts,
            round(traction.sohPercent(), 2),
            odometerKm(),
            "");
      }
    }

    private Sample sample(int i, int last, long ts, boolean running, double chargeV) {
      Map<String, Double> s = new LinkedHashMap<>();
      double n = sumCount;
      double meanSpeed = sumSpeed / n;
      s.put(SignalCatalogue.SPEED, round(meanSpeed, 2));
      if (spec.reportsOdometer()) {
        s.put(SignalCatalogue.TRAVELED_DISTANCE, round(odometerM, 2));
      }
      if (spec.hasEngine()) {
        s.put(SignalCatalogue.ENGINE_SPEED, (double) Math.round(sumRpm / n));
        double meanFuel = sumFuelRate / n;
        if (spec.reportsFuelRate()) {
          s.put(SignalCatalogue.FUEL_RATE, round(meanFuel, 3));
        } else {
          s.put(SignalCatalogue.MAF, round(fuel.mafGPerS(meanFuel), 3));
        }
        s.put(SignalCatalogue.COOLANT_TEMPERATURE, round(coolant.temperatureC(), 1));
      }
      s.put(SignalCatalogue.BATTERY_12V_VOLTAGE, round(voltage12(i, last, running, chargeV), 3));
      if (traction != null) {
        s.put(SignalCatalogue.TRACTION_CURRENT, round(sumCurrent / n, 2));
        s.put(SignalCatalogue.TRACTION_VOLTAGE, round(traction.voltageV(), 1));
        s.put(SignalCatalogue.TRACTION_SOC, round(traction.socPercent(), 2));
      }
      if (i == 0 || i == last || i - lastSlowStep >= slowPeriodS) {
        lastSlowStep = i;
        slowSignals(s, ts);
      }
      sumSpeed = 0;
      sumRpm = 0;
      sumFuelRate = 0;
      sumCurrent = 0;
      sumCount = 0;
      return new Sample(ts, s);
    }

    private void slowSignals(Map<String, Double> s, long ts) {
      s.put(SignalCatalogue.AIR_TEMPERATURE, round(ambient, 1));
      if (spec.hasEngine()) {
        s.put(SignalCatalogue.FUEL_LEVEL, round(fuelLevelPercent, 2));
        s.put(SignalCatalogue.LONG_TERM_FUEL_TRIM, round(ltftBasePercent + 22 * lean, 2));
      }
      if (spec.reportsStateOfHealth()) {
        s.put(SignalCatalogue.TRACTION_SOH, round(traction.sohPercent(), 2));
      }
      for (int w = 0; w < 4; w++) {
        s.put(SignalCatalogue.tirePressure(WHEELS.get(w)), round(tyres.pressureKPa(w), 1));
      }
      if (spec.profile().hasPadWearSensor()) {
        for (int w = 0; w < 4; w++) {
          s.put(
              SignalCatalogue.padWear(WHEELS.get(w)), round(Math.min(100, pads.wearPercent(w)), 2));
        }
      }
      if (spec.reportsTread()) {
        for (int w = 0; w < 4; w++) {
          s.put(SignalCatalogue.treadDepth(WHEELS.get(w)), round(Math.max(0, tyres.treadMm(w)), 2));
        }
      }
    }

    private double voltage12(int i, int last, boolean running, double chargeV) {
      if (i == 1 && !Double.isNaN(crankingV)) {
        return crankingV;
      }
      if (running) {
        return chargeV + noiseRng.gaussian(0, 0.03);
      }
      // Just after switching off, surface charge holds the voltage a little above rest.
      return battery.restingV() + (i >= engineOffStep ? 0.15 : 0);
    }

    private void end(List<OutboundMessage> out) {
      batcher.flush(out);
      long tEnd = t0 + lastStep * SECOND_MS;
      events.publish(new VehicleEvent.IgnitionOff(tEnd), out);
      clockMs = tEnd;
      if (hybrid != null) {
        hybrid.stop();
      }
    }
  }

  private double precursor(FaultPlan.FaultKind kind, long ts) {
    for (FaultCodeModel f : faults) {
      if (f.kind() == kind) {
        return f.precursor(ts);
      }
    }
    return 0;
  }
}
