package io.fleetcare.predictors.series;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns wire messages (what the gateways publish) into daily condition series per vehicle, for
 * training and offline evaluation. Feed it every message in publish order with {@link #accept}.
 *
 * <p>Daily values: pad wear = highest wheel at the day's last reading; cranking = lowest {@code
 * ENGINE_START} voltage; tyre pressure ratio = lowest wheel pressure over the car's nominal, the
 * nominal being estimated causally as the highest pressure seen at a trip start (parked tyres,
 * normalised to 20 °C by the gas law) so far; tread = thinnest wheel; SoH = last; odometer = last
 * reading, or the integrated speed anchored at the odometer of the first service when the car
 * reports none (cranking is derived from the 12 V dip when the engine speed leaves zero when a log
 * has no {@code ENGINE_START} events); fuel drift = warm-engine litres per 100 km over the 7 days
 * so far, against the first 21 days of data (or after a deposit service).
 */
public final class TelemetrySeriesCollector {
  private static final long DAY_MS = 86_400_000L;
  private static final double REFERENCE_K = 293.15;

  private final PayloadCodec codec = new PayloadCodec();
  private final Map<String, VehicleState> vehicles = new LinkedHashMap<>();
  private long rejected;

  /** Decodes and takes in one published message; malformed payloads are counted and skipped. */
  public void accept(String topic, byte[] payload) {
    DecodeResult result = codec.decode(topic, payload);
    if (result instanceof DecodeResult.Accepted accepted) {
      accept(accepted.message());
    } else {
      rejected++;
    }
  }

  /** Takes in one decoded message. */
  public void accept(VehicleMessage message) {
    switch (message) {
      case VehicleProfile p -> state(p.vin()).profile = p;
      case TelemetryMessage t -> {
        VehicleState s = state(t.vin());
        for (Sample sample : t.samples()) {
          s.sample(sample);
        }
      }
      case EventMessage e -> {
        VehicleState s = state(e.vin());
        for (VehicleEvent ev : e.events()) {
          s.event(ev);
        }
      }
    }
  }

  /** Payloads that did not decode. */
  public long rejected() {
    return rejected;
  }

  /** The VINs seen, in order of first appearance. */
  public List<String> vins() {
    return List.copyOf(vehicles.keySet());
  }

  /** The series of {@code vin} (only the indicators it has data for). */
  public List<ConditionSeries> series(String vin) {
    VehicleState s = vehicles.get(vin);
    return s == null ? List.of() : s.series();
  }

  /** The context of {@code vin}. */
  public VehicleContext context(String vin) {
    VehicleState s = vehicles.get(vin);
    return s == null ? VehicleContext.unknown(vin) : s.context();
  }

  private VehicleState state(String vin) {
    return vehicles.computeIfAbsent(vin, VehicleState::new);
  }

  /** One day's figures. */
  private static final class Day {
    long lastTsMs;
    double padWear = Double.NaN;
    long padTsMs;
    double crankMin = Double.NaN;
    long crankTsMs;
    double derivedCrankMin = Double.NaN;
    long derivedCrankTsMs;
    double pressureMin = Double.NaN;
    double pressureNormalisedMax = Double.NaN;
    long pressureTsMs;
    double tread = Double.NaN;
    long treadTsMs;
    double soh = Double.NaN;
    long sohTsMs;
    double odometerKm = Double.NaN;
    double integratedKm = Double.NaN;
    long odoTsMs;
    double airSum;
    int airCount;
    double warmFuelL;
    double warmKm;
  }

  /** Everything collected for one vehicle. */
  private static final class VehicleState {
    final String vin;
    VehicleProfile profile;
    final TreeMap<Long, Day> days = new TreeMap<>();
    final Map<String, List<Instant>> services = new HashMap<>();
    long lastIgnitionOnMs = Long.MIN_VALUE;
    long lastSampleMs = Long.MIN_VALUE;
    double lastSpeedKmh;
    double integratedKm;
    double lastAirC = Double.NaN;
    double odometerAnchorKm = Double.NaN; // odometer minus integrated distance, from a service
    boolean hasCrankEvents;
    double prevRpm = Double.NaN;
    final java.util.ArrayDeque<double[]> recentVolts = new java.util.ArrayDeque<>();
    long pendingCrankMs = -1;
    double pendingCrankMin = Double.NaN;

    VehicleState(String vin) {
      this.vin = vin;
    }

    Day day(long tsMs) {
      Day d = days.computeIfAbsent(Math.floorDiv(tsMs, DAY_MS), k -> new Day());
      d.lastTsMs = Math.max(d.lastTsMs, tsMs);
      return d;
    }

    void sample(Sample s) {
      long ts = s.tsMs();
      Day d = day(ts);
      Map<String, Double> v = s.signals();
      double dtS = lastSampleMs == Long.MIN_VALUE ? 0 : Math.min(600, (ts - lastSampleMs) / 1000.0);
      if (dtS < 0) {
        dtS = 0;
      }
      double speed = v.getOrDefault(SignalCatalogue.SPEED, Double.NaN);
      if (!Double.isNaN(speed)) {
        // Rate-like signals carry the mean over the interval since the previous sample.
        double km = speed * dtS / 3600;
        integratedKm += km;
        d.integratedKm = integratedKm;
        d.odoTsMs = ts;
        Double coolant = v.get(SignalCatalogue.COOLANT_TEMPERATURE);
        double fuelLph = fuelRateLph(v);
        if (coolant != null && coolant >= 80 && !Double.isNaN(fuelLph) && speed > 5) {
          d.warmFuelL += fuelLph * dtS / 3600;
          d.warmKm += km;
        }
        lastSpeedKmh = speed;
      }
      lastSampleMs = Math.max(lastSampleMs, ts);
      deriveCranking(ts, v);
      Double odo = v.get(SignalCatalogue.TRAVELED_DISTANCE);
      if (odo != null) {
        d.odometerKm = odo / 1000;
        d.odoTsMs = ts;
      }
      Double air = v.get(SignalCatalogue.AIR_TEMPERATURE);
      if (air != null) {
        d.airSum += air;
        d.airCount++;
        lastAirC = air;
      }
      double pad = Double.NaN;
      double pressure = Double.NaN;
      double tread = Double.NaN;
      double pressureMax = Double.NaN;
      for (String wheel : SignalCatalogue.WHEELS) {
        Double p = v.get(SignalCatalogue.padWear(wheel));
        if (p != null) {
          pad = Double.isNaN(pad) ? p : Math.max(pad, p);
        }
        Double kPa = v.get(SignalCatalogue.tirePressure(wheel));
        if (kPa != null) {
          pressure = Double.isNaN(pressure) ? kPa : Math.min(pressure, kPa);
          pressureMax = Double.isNaN(pressureMax) ? kPa : Math.max(pressureMax, kPa);
        }
        Double mm = v.get(SignalCatalogue.treadDepth(wheel));
        if (mm != null) {
          tread = Double.isNaN(tread) ? mm : Math.min(tread, mm);
        }
      }
      if (!Double.isNaN(pad)) {
        d.padWear = pad;
        d.padTsMs = ts;
      }
      if (!Double.isNaN(tread)) {
        d.tread = tread;
        d.treadTsMs = ts;
      }
      boolean parkedTyres = ts - lastIgnitionOnMs <= 60_000L;
      if (!Double.isNaN(pressure) && parkedTyres) {
        d.pressureMin = Double.isNaN(d.pressureMin) ? pressure : Math.min(d.pressureMin, pressure);
        d.pressureTsMs = ts;
        if (!Double.isNaN(lastAirC)) {
          double normalised = pressureMax * REFERENCE_K / (lastAirC + 273.15);
          d.pressureNormalisedMax =
              Double.isNaN(d.pressureNormalisedMax)
                  ? normalised
                  : Math.max(d.pressureNormalisedMax, normalised);
        }
      }
      Double soh = v.get(SignalCatalogue.TRACTION_SOH);
      if (soh != null) {
        d.soh = soh;
        d.sohTsMs = ts;
      }
    }

    /**
     * Logs without {@code ENGINE_START} events (real OBD logs at 1 Hz) still show the cranking dip:
     * the lowest 12 V reading from 6 s before to 4 s after the engine speed leaves zero.
     */
    private void deriveCranking(long ts, Map<String, Double> v) {
      Double volts = v.get(SignalCatalogue.BATTERY_12V_VOLTAGE);
      if (volts == null) {
        volts = v.get(SignalCatalogue.CONTROL_MODULE_VOLTAGE);
      }
      if (volts != null) {
        recentVolts.addLast(new double[] {ts, volts});
        while (!recentVolts.isEmpty() && recentVolts.peekFirst()[0] < ts - 6_000) {
          recentVolts.pollFirst();
        }
      }
      if (pendingCrankMs >= 0) {
        if (ts <= pendingCrankMs + 4_000) {
          if (volts != null) {
            pendingCrankMin =
                Double.isNaN(pendingCrankMin) ? volts : Math.min(pendingCrankMin, volts);
          }
        } else {
          finishCranking();
        }
      }
      Double rpm = v.get(SignalCatalogue.ENGINE_SPEED);
      if (rpm == null) {
        return;
      }
      if (prevRpm == 0 && rpm > 0 && pendingCrankMs < 0) {
        pendingCrankMs = ts;
        pendingCrankMin = Double.NaN;
        for (double[] r : recentVolts) {
          pendingCrankMin = Double.isNaN(pendingCrankMin) ? r[1] : Math.min(pendingCrankMin, r[1]);
        }
      }
      prevRpm = rpm;
    }

    private void finishCranking() {
      if (pendingCrankMs >= 0 && !Double.isNaN(pendingCrankMin)) {
        Day d = day(pendingCrankMs);
        if (Double.isNaN(d.derivedCrankMin) || pendingCrankMin < d.derivedCrankMin) {
          d.derivedCrankMin = pendingCrankMin;
        }
        d.derivedCrankTsMs = Math.max(d.derivedCrankTsMs, pendingCrankMs);
      }
      pendingCrankMs = -1;
    }

    private double fuelRateLph(Map<String, Double> v) {
      Double rate = v.get(SignalCatalogue.FUEL_RATE);
      if (rate != null) {
        return rate;
      }
      Double maf = v.get(SignalCatalogue.MAF);
      if (maf == null) {
        return Double.NaN;
      }
      boolean diesel = profile != null && profile.fuel() == VehicleProfile.FuelType.DIESEL;
      double afr = diesel ? 14.5 : 14.7;
      double gramsPerL = diesel ? 832 : 745;
      return maf / afr / gramsPerL * 3600;
    }

    void event(VehicleEvent ev) {
      switch (ev) {
        case VehicleEvent.IgnitionOn on -> lastIgnitionOnMs = on.tsMs();
        case VehicleEvent.EngineStart start -> {
          hasCrankEvents = true;
          Day d = day(start.tsMs());
          if (Double.isNaN(d.crankMin) || start.crankingMinV() < d.crankMin) {
            d.crankMin = start.crankingMinV();
          }
          d.crankTsMs = Math.max(d.crankTsMs, start.tsMs());
        }
        case VehicleEvent.ServicePerformed sp -> {
          services
              .computeIfAbsent(sp.service(), k -> new ArrayList<>())
              .add(Instant.ofEpochMilli(sp.tsMs()));
          if (Double.isNaN(odometerAnchorKm) && sp.odometerKm() > 0) {
            odometerAnchorKm = sp.odometerKm() - integratedKm;
          }
        }
        default -> {}
      }
    }

    List<ConditionSeries> series() {
      finishCranking();
      List<ConditionPoint> pad = new ArrayList<>();
      List<ConditionPoint> crank = new ArrayList<>();
      List<ConditionPoint> pressure = new ArrayList<>();
      List<ConditionPoint> tread = new ArrayList<>();
      List<ConditionPoint> soh = new ArrayList<>();
      double nominal = Double.NaN;
      for (Day d : days.values()) {
        add(pad, d.padTsMs, d.padWear);
        if (hasCrankEvents) {
          add(crank, d.crankTsMs, d.crankMin);
        } else {
          add(crank, d.derivedCrankTsMs, d.derivedCrankMin);
        }
        if (!Double.isNaN(d.pressureNormalisedMax)) {
          nominal =
              Double.isNaN(nominal)
                  ? d.pressureNormalisedMax
                  : Math.max(nominal, d.pressureNormalisedMax);
        }
        if (!Double.isNaN(nominal) && !Double.isNaN(d.pressureMin)) {
          add(pressure, d.pressureTsMs, d.pressureMin / nominal);
        }
        add(tread, d.treadTsMs, d.tread);
        add(soh, d.sohTsMs, d.soh);
      }
      List<ConditionSeries> out = new ArrayList<>();
      put(out, Indicator.PAD_WEAR_PERCENT, pad);
      put(out, Indicator.CRANKING_MIN_V, crank);
      put(out, Indicator.TYRE_PRESSURE_RATIO, pressure);
      put(out, Indicator.TREAD_DEPTH_MM, tread);
      put(out, Indicator.FUEL_DRIFT_PERCENT, fuelDrift());
      put(out, Indicator.TRACTION_SOH_PERCENT, soh);
      put(out, Indicator.ODOMETER_KM, odometer());
      return out;
    }

    private List<ConditionPoint> odometer() {
      List<ConditionPoint> out = new ArrayList<>();
      boolean reports = days.values().stream().anyMatch(d -> !Double.isNaN(d.odometerKm));
      for (Day d : days.values()) {
        if (reports) {
          add(out, d.odoTsMs, d.odometerKm);
        } else if (!Double.isNaN(odometerAnchorKm) && !Double.isNaN(d.integratedKm)) {
          // Before the anchoring service the absolute odometer is not known; after it, it is.
          Instant first = firstService();
          if (first != null && d.odoTsMs >= first.toEpochMilli()) {
            add(out, d.odoTsMs, odometerAnchorKm + d.integratedKm);
          }
        }
      }
      return out;
    }

    private Instant firstService() {
      Instant first = null;
      for (List<Instant> l : services.values()) {
        for (Instant t : l) {
          if (first == null || t.isBefore(first)) {
            first = t;
          }
        }
      }
      return first;
    }

    private List<ConditionPoint> fuelDrift() {
      List<ConditionPoint> out = new ArrayList<>();
      List<Instant> cleanings = services.getOrDefault("ENGINE_DEPOSITS", List.of());
      List<Day> list = new ArrayList<>(days.values());
      int segmentStart = 0;
      int cleaningIdx = 0;
      for (int i = 0; i < list.size(); i++) {
        Day d = list.get(i);
        while (cleaningIdx < cleanings.size()
            && cleanings.get(cleaningIdx).toEpochMilli() <= d.lastTsMs) {
          segmentStart = i;
          cleaningIdx++;
        }
        double baseFuel = 0;
        double baseKm = 0;
        for (int j = segmentStart; j < list.size() && j < segmentStart + 21; j++) {
          baseFuel += list.get(j).warmFuelL;
          baseKm += list.get(j).warmKm;
        }
        if (i < segmentStart + 21 || baseKm < 100) {
          continue;
        }
        double fuel = 0;
        double km = 0;
        for (int j = Math.max(segmentStart, i - 6); j <= i; j++) {
          fuel += list.get(j).warmFuelL;
          km += list.get(j).warmKm;
        }
        if (km < 20 || d.warmKm <= 0) {
          continue;
        }
        double drift = 100 * ((fuel / km) / (baseFuel / baseKm) - 1);
        add(out, d.lastTsMs, drift);
      }
      return out;
    }

    VehicleContext context() {
      List<ConditionPoint> ambient = new ArrayList<>();
      for (Day d : days.values()) {
        if (d.airCount > 0) {
          ambient.add(new ConditionPoint(Instant.ofEpochMilli(d.lastTsMs), d.airSum / d.airCount));
        }
      }
      List<ConditionPoint> odo = odometer();
      if (odo.isEmpty()) {
        // Distance driven still tells the usage; its absolute level is unknown.
        for (Day d : days.values()) {
          add(odo, d.odoTsMs, d.integratedKm);
        }
      }
      Map<String, List<Instant>> svc = new HashMap<>();
      services.forEach((k, v) -> svc.put(k, List.copyOf(v)));
      return new VehicleContext(
          vin,
          profile == null ? "UNKNOWN" : profile.powertrain().name(),
          profile == null ? 0 : profile.modelYear(),
          profile == null ? 0 : profile.massKg(),
          odo,
          ambient,
          svc);
    }

    private static void add(List<ConditionPoint> out, long tsMs, double value) {
      if (!Double.isNaN(value) && tsMs > 0) {
        out.add(new ConditionPoint(Instant.ofEpochMilli(tsMs), value));
      }
    }

    private void put(List<ConditionSeries> out, Indicator indicator, List<ConditionPoint> points) {
      if (!points.isEmpty()) {
        points.sort(java.util.Comparator.comparing(ConditionPoint::ts));
        out.add(new ConditionSeries(vin, indicator, points));
      }
    }
  }
}
