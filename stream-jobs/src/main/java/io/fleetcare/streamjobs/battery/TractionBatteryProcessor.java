package io.fleetcare.streamjobs.battery;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Traction-battery state of health from energy per percent of state of charge: between two SoC
 * readings {@code minSwingPct} apart, the pack's energy throughput ∫ I·U dt divided by the SoC
 * change is its usable capacity. Any swing counts (a drive down, a charging session up, a hybrid's
 * charge-sustaining wanderings if wide enough). The current of a sample is the mean over the
 * interval ending at it, so each interval's energy is that sample's I·U·dt.
 *
 * <p>Capacity is reported in kWh. State of health needs the capacity when new, which no signal
 * gives: when the car reports its own SoH, that value is emitted (per trip, when it changed) and
 * the measured capacity ÷ SoH becomes the new-pack capacity, so that later measurements are
 * reported as SoH even if the car stops reporting. Terminal voltage under load differs from
 * open-circuit by I·R (a few percent at high current), which biases the capacity but not its trend.
 */
public final class TractionBatteryProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double minSwingPct;
  private final long maxGapMs;
  private final double capacityAlpha;
  private final double trendTauDays;

  /**
   * @param minSwingPct SoC change that closes a measurement, percentage points (default 10)
   * @param maxGap longer gaps between samples abandon the swing under way (default 5 min)
   * @param capacityAlpha weight of a new measurement in the capacity mean, 0..1 (default 0.2)
   * @param trendTauDays fading time constant of the SoH trend, days (default 90)
   */
  public TractionBatteryProcessor(
      double minSwingPct, Duration maxGap, double capacityAlpha, double trendTauDays) {
    if (minSwingPct <= 0 || capacityAlpha <= 0 || capacityAlpha > 1 || trendTauDays <= 0) {
      throw new IllegalArgumentException("invalid traction battery options");
    }
    this.minSwingPct = minSwingPct;
    this.maxGapMs = maxGap.toMillis();
    this.capacityAlpha = capacityAlpha;
    this.trendTauDays = trendTauDays;
  }

  /** The documented defaults. */
  public static TractionBatteryProcessor defaults() {
    return new TractionBatteryProcessor(10, Duration.ofMinutes(5), 0.2, 90);
  }

  /** Applies one message of {@code vin}. */
  public void process(
      String vin, TractionBatteryState s, VehicleMessage message, Consumer<SignalPoint> out) {
    switch (message) {
      case TelemetryMessage t -> {
        for (Sample sample : t.samples()) {
          onSample(vin, s, sample, out);
        }
      }
      case EventMessage e -> {
        for (VehicleEvent event : e.events()) {
          if (event instanceof VehicleEvent.IgnitionOff off) {
            emitReportedSoh(vin, s, off.tsMs(), out);
          } else if (event instanceof VehicleEvent.ServicePerformed service
              && service.service().equals("TRACTION_BATTERY")) {
            s.sohTrend.reset();
            s.capacityKWh = Double.NaN;
            s.capacityWeight = 0;
            s.newCapacityKWh = Double.NaN;
          }
        }
      }
      default -> {}
    }
  }

  private void onSample(
      String vin, TractionBatteryState s, Sample sample, Consumer<SignalPoint> out) {
    long ts = sample.tsMs();
    if (ts <= s.lastSampleMs) {
      return;
    }
    if (sample.has(SignalCatalogue.TRACTION_SOH)) {
      s.reportedSohPct = sample.valueOr(SignalCatalogue.TRACTION_SOH, Double.NaN);
    }
    double soc = sample.valueOr(SignalCatalogue.TRACTION_SOC, Double.NaN);
    double current = sample.valueOr(SignalCatalogue.TRACTION_CURRENT, Double.NaN);
    double voltage = sample.valueOr(SignalCatalogue.TRACTION_VOLTAGE, Double.NaN);
    if (Double.isNaN(soc) || Double.isNaN(current) || Double.isNaN(voltage)) {
      return;
    }
    boolean continuous = s.lastSampleMs != Long.MIN_VALUE && ts - s.lastSampleMs <= maxGapMs;
    if (!continuous || Double.isNaN(s.anchorSocPct)) {
      // Parked time (charging at home is not always reported) breaks the energy integral.
      s.anchorSocPct = soc;
      s.energyJ = 0;
    } else {
      s.energyJ += current * voltage * (ts - s.lastSampleMs) / 1000.0;
      double swing = s.anchorSocPct - soc;
      if (Math.abs(swing) >= minSwingPct) {
        measured(vin, s, ts, s.energyJ / 3.6e6 / (swing / 100), out);
        s.anchorSocPct = soc;
        s.energyJ = 0;
      }
    }
    s.lastSampleMs = ts;
  }

  private void measured(
      String vin, TractionBatteryState s, long ts, double kWh, Consumer<SignalPoint> out) {
    if (!(kWh > 0)) {
      return; // energy and SoC moved in opposite directions: a SoC recalibration, not a measure
    }
    s.capacityKWh =
        s.capacityWeight == 0 ? kWh : (1 - capacityAlpha) * s.capacityKWh + capacityAlpha * kWh;
    s.capacityWeight++;
    out.accept(new SignalPoint(vin, ts, SignalNames.TRACTION_CAPACITY_KWH, s.capacityKWh));
    if (Double.isNaN(s.newCapacityKWh) && s.reportedSohPct > 0 && s.capacityWeight >= 3) {
      s.newCapacityKWh = s.capacityKWh / (s.reportedSohPct / 100);
    }
    if (Double.isNaN(s.reportedSohPct) && s.newCapacityKWh > 0) {
      emitSoh(vin, s, ts, s.capacityKWh / s.newCapacityKWh * 100, out);
    }
  }

  private void emitReportedSoh(
      String vin, TractionBatteryState s, long ts, Consumer<SignalPoint> out) {
    double soh = s.reportedSohPct;
    if (soh > 0 && soh != s.lastEmittedSohPct) {
      emitSoh(vin, s, ts, soh, out);
    }
  }

  private void emitSoh(
      String vin, TractionBatteryState s, long ts, double soh, Consumer<SignalPoint> out) {
    s.lastEmittedSohPct = soh;
    out.accept(new SignalPoint(vin, ts, SignalNames.TRACTION_SOH_PCT, soh));
    s.sohTrend.add(ts, soh, trendTauDays);
    double slope = s.sohTrend.slopePerDay(5, 14);
    if (Double.isFinite(slope)) {
      out.accept(new SignalPoint(vin, ts, SignalNames.TRACTION_SOH_TREND_PCT_PER_30D, slope * 30));
    }
  }
}
