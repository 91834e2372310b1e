package io.fleetcare.streamjobs.tyre;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.battery.EwTrend;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tyres.
 *
 * <p><b>Pressure</b>: a tyre's pressure follows the gas law, so a cold morning reads low and
 * driving warms it ~8 %. Only the first reading of a trip after the car stood {@code coldAfter} is
 * used (the tyre is at air temperature), normalised to 20 °C with the tyre temperature, else the
 * air temperature: p₂₀ = p·293.15 / (T + 273.15). Its per-wheel trend (kPa/day, fading over {@code
 * trendTauDays}) tells a slow leak (several kPa a day) from seepage (a few kPa a month) whatever
 * the weather. A rise of more than 5 kPa is a top-up and restarts the wheel's trend.
 *
 * <p><b>Tread</b>: wear per km grows with the scrub of hard acceleration and braking (+30 % per 1
 * m/s² of mean longitudinal acceleration, a common tyre-wear approximation), with a prior of 0.15
 * mm/1000 km front and 0.10 rear (8 → 3 mm in ~35,000–50,000 km). A tread measurement anchors and
 * calibrates the wheel; a TYRES service of a car whose estimate was near the limit means new tyres
 * (8 mm). Without an anchor only the tread worn since the car was first seen is known.
 */
public final class TyreProcessor implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final List<String> WHEELS = SignalCatalogue.WHEELS;
  private static final double[] PRIOR_MM_PER_1000KM = {0.15, 0.15, 0.10, 0.10};
  private static final double NEW_TREAD_MM = 8.0;
  private static final double TOP_UP_KPA = 5;
  private static final long TRIP_GAP_MS = 600_000;
  private static final double MAX_GAP_S = 120;

  private final long coldAfterMs;
  private final double trendTauDays;

  /**
   * @param coldAfter standing time after which tyres are at air temperature (default 1 h)
   * @param trendTauDays fading time constant of the pressure trend, days (default 5)
   */
  public TyreProcessor(Duration coldAfter, double trendTauDays) {
    if (trendTauDays <= 0) {
      throw new IllegalArgumentException("trendTauDays must be positive");
    }
    this.coldAfterMs = coldAfter.toMillis();
    this.trendTauDays = trendTauDays;
  }

  /** The documented defaults. */
  public static TyreProcessor defaults() {
    return new TyreProcessor(Duration.ofHours(1), 5);
  }

  /** Applies one message of {@code vin}. */
  public void process(String vin, TyreState s, VehicleMessage message, Consumer<SignalPoint> out) {
    switch (message) {
      case TelemetryMessage t -> {
        for (Sample sample : t.samples()) {
          onSample(vin, s, sample, out);
        }
      }
      case EventMessage e -> {
        for (VehicleEvent event : e.events()) {
          switch (event) {
            case VehicleEvent.IgnitionOff off -> endTrip(vin, s, out);
            case VehicleEvent.ServicePerformed sp -> serviced(s, sp.service());
            default -> {}
          }
        }
      }
      default -> {}
    }
  }

  /** Estimated tread of {@code wheel}, mm, or NaN without an anchor. */
  public double treadMm(TyreState s, int wheel) {
    return s.anchorTreadMm[wheel] - rate(s, wheel) * (s.scrubKm - s.anchorScrubKm[wheel]) / 1000;
  }

  private void onSample(String vin, TyreState s, Sample sample, Consumer<SignalPoint> out) {
    long ts = sample.tsMs();
    if (ts <= s.lastTsMs) {
      return;
    }
    if (s.lastTsMs == Long.MIN_VALUE || ts - s.lastTsMs >= coldAfterMs) {
      s.coldPending = true;
    }
    if (s.tripActive && ts - s.lastTsMs >= TRIP_GAP_MS) {
      endTrip(vin, s, out);
    }
    s.tripActive = true;
    if (s.coldPending && sample.has(SignalCatalogue.tirePressure(WHEELS.get(0)))) {
      s.coldPending = false;
      coldReading(vin, s, sample, out);
    }
    for (int w = 0; w < 4; w++) {
      double tread = sample.valueOr(SignalCatalogue.treadDepth(WHEELS.get(w)), Double.NaN);
      if (!Double.isNaN(tread)) {
        measuredTread(s, w, tread);
      }
    }
    double speed = sample.valueOr(SignalCatalogue.SPEED, Double.NaN);
    if (!Double.isNaN(speed)) {
      if (!Double.isNaN(s.lastSpeedKmh)) {
        double dtS = (ts - s.lastTsMs) / 1000.0;
        if (dtS > 0 && dtS <= MAX_GAP_S) {
          double km = 0.5 * (speed + s.lastSpeedKmh) / 3600 * dtS;
          double accel = Math.abs(speed - s.lastSpeedKmh) / 3.6 / dtS;
          s.scrubKm += km * (1 + 0.3 * accel);
        }
      }
      s.lastSpeedKmh = speed;
    }
    s.lastTsMs = ts;
  }

  private void coldReading(String vin, TyreState s, Sample sample, Consumer<SignalPoint> out) {
    double air = sample.valueOr(SignalCatalogue.AIR_TEMPERATURE, Double.NaN);
    for (int w = 0; w < 4; w++) {
      String wheel = WHEELS.get(w);
      double p = sample.valueOr(SignalCatalogue.tirePressure(wheel), Double.NaN);
      if (Double.isNaN(p)) {
        continue;
      }
      double t = sample.valueOr(SignalCatalogue.tireTemperature(wheel), air);
      double p20 = Double.isNaN(t) ? p : p * 293.15 / (t + 273.15);
      EwTrend trend = s.trend(w);
      if (p20 > s.coldP20KPa[w] + TOP_UP_KPA) {
        trend.reset();
      }
      s.coldP20KPa[w] = p20;
      trend.add(sample.tsMs(), p20, trendTauDays);
      out.accept(
          new SignalPoint(
              vin, sample.tsMs(), SignalNames.perWheel(SignalNames.TYRE_PRESSURE_KPA, wheel), p20));
      double slope = trend.slopePerDay(3, 1.5);
      if (Double.isFinite(slope)) {
        out.accept(
            new SignalPoint(
                vin,
                sample.tsMs(),
                SignalNames.perWheel(SignalNames.TYRE_PRESSURE_TREND_KPA_PER_DAY, wheel),
                slope));
      }
    }
  }

  private void measuredTread(TyreState s, int w, double mm) {
    if (Double.isNaN(s.calTreadMm[w]) || mm > s.calTreadMm[w] + 1) {
      s.calTreadMm[w] = mm; // first reading, or new tyres
      s.calScrubKm[w] = s.scrubKm;
    } else if (s.calTreadMm[w] - mm >= 0.3 && s.scrubKm > s.calScrubKm[w]) {
      s.mmPer1000Km[w] = (s.calTreadMm[w] - mm) / (s.scrubKm - s.calScrubKm[w]) * 1000;
    }
    s.anchorTreadMm[w] = mm;
    s.anchorScrubKm[w] = s.scrubKm;
  }

  private void serviced(TyreState s, String service) {
    switch (service) {
      case "TYRES" -> {
        boolean nearLimit = false;
        for (int w = 0; w < 4; w++) {
          nearLimit |= treadMm(s, w) < 4;
        }
        for (int w = 0; w < 4; w++) {
          if (nearLimit) {
            s.anchorTreadMm[w] = NEW_TREAD_MM;
            s.anchorScrubKm[w] = s.scrubKm;
            s.calTreadMm[w] = Double.NaN;
          }
          s.trend(w).reset();
        }
      }
      case "MILEAGE_SERVICE" -> {
        for (int w = 0; w < 4; w++) {
          s.trend(w).reset();
        }
      }
      default -> {}
    }
  }

  private void endTrip(String vin, TyreState s, Consumer<SignalPoint> out) {
    if (!s.tripActive || s.lastTsMs == Long.MIN_VALUE) {
      return;
    }
    s.tripActive = false;
    double worn = 0;
    for (int w = 0; w < 4; w++) {
      worn = Math.max(worn, rate(s, w) * s.scrubKm / 1000);
      double tread = treadMm(s, w);
      if (!Double.isNaN(tread)) {
        out.accept(
            new SignalPoint(
                vin,
                s.lastTsMs,
                SignalNames.perWheel(SignalNames.TYRE_TREAD_MM, WHEELS.get(w)),
                Math.max(0, tread)));
      }
    }
    out.accept(new SignalPoint(vin, s.lastTsMs, SignalNames.TYRE_TREAD_WORN_MM, worn));
  }

  private static double rate(TyreState s, int w) {
    return s.mmPer1000Km[w] > 0 ? s.mmPer1000Km[w] : PRIOR_MM_PER_1000KM[w];
  }
}
