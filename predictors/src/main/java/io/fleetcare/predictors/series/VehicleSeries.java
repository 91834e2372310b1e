package io.fleetcare.predictors.series;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One vehicle's daily condition figures, built from its wire messages in publish order: the state
 * behind {@link TelemetrySeriesCollector} (offline, whole history) and the stream job's predictor
 * operator (bounded by {@link #prune}), so both compute the same series.
 *
 * <p>Daily values: pad wear = highest wheel at the day's last reading; cranking = lowest {@code
 * ENGINE_START} voltage; tyre pressure ratio = lowest wheel pressure at a trip start over the car's
 * nominal, the nominal being estimated causally as the highest pressure seen at a trip start
 * (parked tyres, normalised to 20 °C by the gas law) so far; tread = thinnest wheel; SoH = last;
 * odometer = last reading, or the integrated speed anchored at the odometer of the first service
 * when the car reports none (cranking is derived from the 12 V dip when the engine speed leaves
 * zero when a log has no {@code ENGINE_START} events); fuel drift = warm-engine litres per 100 km
 * over the 7 days so far, against the first 21 days of data (or after a deposit service).
 *
 * <p>Not thread-safe; {@link #encode} / {@link #decode} give a compact binary form (172 bytes per
 * retained day plus a few hundred bytes) for checkpoints.
 */
public final class VehicleSeries {
  private static final long DAY_MS = 86_400_000L;
  private static final double REFERENCE_K = 293.15;
  private static final int FORMAT = 1;

  /** Days of data the fuel baseline is averaged over. */
  static final int FUEL_BASELINE_DAYS = 21;

  private final String vin;
  private boolean hasProfile;
  private String powertrain = "UNKNOWN";
  private boolean diesel;
  private int modelYear;
  private double massKg;
  private final TreeMap<Long, Day> days = new TreeMap<>();
  private final Map<String, List<Long>> services = new HashMap<>();
  private long firstServiceMs = Long.MIN_VALUE;
  private long lastIgnitionOnMs = Long.MIN_VALUE;
  private long lastSampleMs = Long.MIN_VALUE;
  private double integratedKm;
  private double lastAirC = Double.NaN;
  private double odometerAnchorKm =
      Double.NaN; // odometer minus integrated distance, from a service
  private boolean hasCrankEvents;
  private boolean reportsOdometer;
  private double prunedNominal =
      Double.NaN; // highest normalised trip-start pressure of pruned days
  private double prevRpm = Double.NaN;
  private final ArrayDeque<double[]> recentVolts = new ArrayDeque<>();
  private long pendingCrankMs = -1;
  private double pendingCrankMin = Double.NaN;

  public VehicleSeries(String vin) {
    this.vin = java.util.Objects.requireNonNull(vin, "vin");
  }

  public String vin() {
    return vin;
  }

  /** Takes in one of this vehicle's messages. */
  public void accept(VehicleMessage message) {
    switch (message) {
      case VehicleProfile p -> {
        hasProfile = true;
        powertrain = p.powertrain().name();
        diesel = p.fuel() == VehicleProfile.FuelType.DIESEL;
        modelYear = p.modelYear();
        massKg = p.massKg();
      }
      case TelemetryMessage t -> {
        for (Sample sample : t.samples()) {
          sample(sample);
        }
      }
      case EventMessage e -> {
        for (VehicleEvent ev : e.events()) {
          event(ev);
        }
      }
    }
  }

  /** Event time of the newest data, epoch ms, or {@code Long.MIN_VALUE} before any. */
  public long lastTsMs() {
    return days.isEmpty() ? Long.MIN_VALUE : days.lastEntry().getValue().lastTsMs;
  }

  /** Number of days held. */
  public int dayCount() {
    return days.size();
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

    void write(DataOutputStream out) throws IOException {
      out.writeLong(lastTsMs);
      out.writeDouble(padWear);
      out.writeLong(padTsMs);
      out.writeDouble(crankMin);
      out.writeLong(crankTsMs);
      out.writeDouble(derivedCrankMin);
      out.writeLong(derivedCrankTsMs);
      out.writeDouble(pressureMin);
      out.writeDouble(pressureNormalisedMax);
      out.writeLong(pressureTsMs);
      out.writeDouble(tread);
      out.writeLong(treadTsMs);
      out.writeDouble(soh);
      out.writeLong(sohTsMs);
      out.writeDouble(odometerKm);
      out.writeDouble(integratedKm);
      out.writeLong(odoTsMs);
      out.writeDouble(airSum);
      out.writeInt(airCount);
      out.writeDouble(warmFuelL);
      out.writeDouble(warmKm);
    }

    static Day read(DataInputStream in) throws IOException {
      Day d = new Day();
      d.lastTsMs = in.readLong();
      d.padWear = in.readDouble();
      d.padTsMs = in.readLong();
      d.crankMin = in.readDouble();
      d.crankTsMs = in.readLong();
      d.derivedCrankMin = in.readDouble();
      d.derivedCrankTsMs = in.readLong();
      d.pressureMin = in.readDouble();
      d.pressureNormalisedMax = in.readDouble();
      d.pressureTsMs = in.readLong();
      d.tread = in.readDouble();
      d.treadTsMs = in.readLong();
      d.soh = in.readDouble();
      d.sohTsMs = in.readLong();
      d.odometerKm = in.readDouble();
      d.integratedKm = in.readDouble();
      d.odoTsMs = in.readLong();
      d.airSum = in.readDouble();
      d.airCount = in.readInt();
      d.warmFuelL = in.readDouble();
      d.warmKm = in.readDouble();
      return d;
    }
  }

  private Day day(long tsMs) {
    Day d = days.computeIfAbsent(Math.floorDiv(tsMs, DAY_MS), k -> new Day());
    d.lastTsMs = Math.max(d.lastTsMs, tsMs);
    return d;
  }

  private void sample(Sample s) {
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
    }
    lastSampleMs = Math.max(lastSampleMs, ts);
    deriveCranking(ts, v);
    Double odo = v.get(SignalCatalogue.TRAVELED_DISTANCE);
    if (odo != null) {
      d.odometerKm = odo / 1000;
      d.odoTsMs = ts;
      reportsOdometer = true;
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
    double afr = diesel ? 14.5 : 14.7;
    double gramsPerL = diesel ? 832 : 745;
    return maf / afr / gramsPerL * 3600;
  }

  private void event(VehicleEvent ev) {
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
        services.computeIfAbsent(sp.service(), k -> new ArrayList<>()).add(sp.tsMs());
        if (firstServiceMs == Long.MIN_VALUE || sp.tsMs() < firstServiceMs) {
          firstServiceMs = sp.tsMs();
        }
        if (Double.isNaN(odometerAnchorKm) && sp.odometerKm() > 0) {
          odometerAnchorKm = sp.odometerKm() - integratedKm;
        }
      }
      default -> {}
    }
  }

  /**
   * Forgets days more than {@code keepDays} before the newest one, except the fuel baseline days of
   * the current deposit segment, and services older than that except each type's latest. The
   * series' recent values stay exactly what the whole history would give: the running figures that
   * reach back (nominal tyre pressure, odometer anchor) are kept as numbers.
   */
  public void prune(int keepDays) {
    if (days.isEmpty()) {
      return;
    }
    long cutoffDay = days.lastKey() - keepDays;
    List<Long> cleanings = services.getOrDefault("ENGINE_DEPOSITS", List.of());
    long lastCleaning = cleanings.isEmpty() ? Long.MIN_VALUE : cleanings.get(cleanings.size() - 1);
    // The baseline is the first 21 days with data from the current segment's start.
    java.util.Set<Long> baseline = new java.util.HashSet<>();
    for (Map.Entry<Long, Day> e : days.entrySet()) {
      if (baseline.size() >= FUEL_BASELINE_DAYS) {
        break;
      }
      if (lastCleaning == Long.MIN_VALUE || e.getValue().lastTsMs >= lastCleaning) {
        baseline.add(e.getKey());
      }
    }
    Iterator<Map.Entry<Long, Day>> it = days.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Day> e = it.next();
      if (e.getKey() >= cutoffDay) {
        break;
      }
      if (baseline.contains(e.getKey())) {
        continue;
      }
      double n = e.getValue().pressureNormalisedMax;
      if (!Double.isNaN(n)) {
        prunedNominal = Double.isNaN(prunedNominal) ? n : Math.max(prunedNominal, n);
      }
      it.remove();
    }
    long cutoffMs = cutoffDay * DAY_MS;
    for (List<Long> times : services.values()) {
      times.sort(Comparator.naturalOrder());
      while (times.size() > 1 && times.get(0) < cutoffMs) {
        times.remove(0);
      }
    }
  }

  /** The condition series (only the indicators there is data for). */
  public List<ConditionSeries> series() {
    List<ConditionPoint> pad = new ArrayList<>();
    List<ConditionPoint> crank = new ArrayList<>();
    List<ConditionPoint> pressure = new ArrayList<>();
    List<ConditionPoint> tread = new ArrayList<>();
    List<ConditionPoint> soh = new ArrayList<>();
    double nominal = prunedNominal;
    // A start still being watched counts as it stands (reading the series changes nothing).
    long pendingDay =
        pendingCrankMs >= 0 && !Double.isNaN(pendingCrankMin)
            ? Math.floorDiv(pendingCrankMs, DAY_MS)
            : Long.MIN_VALUE;
    for (Map.Entry<Long, Day> e : days.entrySet()) {
      Day d = e.getValue();
      add(pad, d.padTsMs, d.padWear);
      if (hasCrankEvents) {
        add(crank, d.crankTsMs, d.crankMin);
      } else if (e.getKey() == pendingDay) {
        double min =
            Double.isNaN(d.derivedCrankMin)
                ? pendingCrankMin
                : Math.min(d.derivedCrankMin, pendingCrankMin);
        add(crank, Math.max(d.derivedCrankTsMs, pendingCrankMs), min);
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
    for (Day d : days.values()) {
      if (reportsOdometer) {
        add(out, d.odoTsMs, d.odometerKm);
      } else if (!Double.isNaN(odometerAnchorKm) && !Double.isNaN(d.integratedKm)) {
        // Before the anchoring service the absolute odometer is not known; after it, it is.
        if (firstServiceMs != Long.MIN_VALUE && d.odoTsMs >= firstServiceMs) {
          add(out, d.odoTsMs, odometerAnchorKm + d.integratedKm);
        }
      }
    }
    return out;
  }

  private List<ConditionPoint> fuelDrift() {
    List<ConditionPoint> out = new ArrayList<>();
    List<Long> cleanings = new ArrayList<>(services.getOrDefault("ENGINE_DEPOSITS", List.of()));
    cleanings.sort(Comparator.naturalOrder());
    List<Day> list = new ArrayList<>(days.values());
    int segmentStart = 0;
    int cleaningIdx = 0;
    for (int i = 0; i < list.size(); i++) {
      Day d = list.get(i);
      while (cleaningIdx < cleanings.size() && cleanings.get(cleaningIdx) <= d.lastTsMs) {
        segmentStart = i;
        cleaningIdx++;
      }
      if (i < segmentStart + FUEL_BASELINE_DAYS) {
        continue;
      }
      double baseFuel = 0;
      double baseKm = 0;
      for (int j = segmentStart; j < segmentStart + FUEL_BASELINE_DAYS; j++) {
        baseFuel += list.get(j).warmFuelL;
        baseKm += list.get(j).warmKm;
      }
      if (baseKm < 100) {
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

  /** What is known about the vehicle besides its series. */
  public VehicleContext context() {
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
    services.forEach((k, v) -> svc.put(k, v.stream().sorted().map(Instant::ofEpochMilli).toList()));
    return new VehicleContext(
        vin,
        hasProfile ? powertrain : "UNKNOWN",
        hasProfile ? modelYear : 0,
        hasProfile ? massKg : 0,
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
      points.sort(Comparator.comparing(ConditionPoint::ts));
      out.add(new ConditionSeries(vin, indicator, points));
    }
  }

  // ---- compact binary form ------------------------------------------------------------------

  /** The state as bytes (for checkpoints); {@link #decode} reads it back. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + days.size() * 172);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(vin);
      out.writeBoolean(hasProfile);
      out.writeUTF(powertrain);
      out.writeBoolean(diesel);
      out.writeInt(modelYear);
      out.writeDouble(massKg);
      out.writeInt(days.size());
      for (Map.Entry<Long, Day> e : days.entrySet()) {
        out.writeLong(e.getKey());
        e.getValue().write(out);
      }
      out.writeInt(services.size());
      for (Map.Entry<String, List<Long>> e : services.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (long t : e.getValue()) {
          out.writeLong(t);
        }
      }
      out.writeLong(firstServiceMs);
      out.writeLong(lastIgnitionOnMs);
      out.writeLong(lastSampleMs);
      out.writeDouble(integratedKm);
      out.writeDouble(lastAirC);
      out.writeDouble(odometerAnchorKm);
      out.writeBoolean(hasCrankEvents);
      out.writeBoolean(reportsOdometer);
      out.writeDouble(prunedNominal);
      out.writeDouble(prevRpm);
      out.writeInt(recentVolts.size());
      for (double[] r : recentVolts) {
        out.writeDouble(r[0]);
        out.writeDouble(r[1]);
      }
      out.writeLong(pendingCrankMs);
      out.writeDouble(pendingCrankMin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #encode} wrote. */
  public static VehicleSeries decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown VehicleSeries format " + format);
      }
      VehicleSeries s = new VehicleSeries(in.readUTF());
      s.hasProfile = in.readBoolean();
      s.powertrain = in.readUTF();
      s.diesel = in.readBoolean();
      s.modelYear = in.readInt();
      s.massKg = in.readDouble();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        long key = in.readLong();
        s.days.put(key, Day.read(in));
      }
      int types = in.readInt();
      for (int i = 0; i < types; i++) {
        String type = in.readUTF();
        int count = in.readInt();
        List<Long> times = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
          times.add(in.readLong());
        }
        s.services.put(type, times);
      }
      s.firstServiceMs = in.readLong();
      s.lastIgnitionOnMs = in.readLong();
      s.lastSampleMs = in.readLong();
      s.integratedKm = in.readDouble();
      s.lastAirC = in.readDouble();
      s.odometerAnchorKm = in.readDouble();
      s.hasCrankEvents = in.readBoolean();
      s.reportsOdometer = in.readBoolean();
      s.prunedNominal = in.readDouble();
      s.prevRpm = in.readDouble();
      int volts = in.readInt();
      for (int i = 0; i < volts; i++) {
        s.recentVolts.addLast(new double[] {in.readDouble(), in.readDouble()});
      }
      s.pendingCrankMs = in.readLong();
      s.pendingCrankMin = in.readDouble();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
