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
 * The 12 V battery from the low-voltage signal (PID 42 or VSS), engine speed and ignition events:
 *
 * <ul>
 *   <li><b>resting voltage</b>: mean of the engine-off samples of an off period that began at least
 *       {@code settle} after the engine last ran (or whose start is unknown, e.g. the first data of
 *       a log), up to the first sample that drops {@code crankDropV} below that mean (cranking has
 *       begun); emitted when the engine starts or the ignition goes off;
 *   <li><b>cranking minimum</b>: the car's own {@code ENGINE_START.crankingMinV} (or a {@code
 *       NO_START}'s) when it publishes one; otherwise the lowest voltage from the last engine-off
 *       samples before the start to {@code crankWindow} after it, reported only when it fell at
 *       least {@code crankDropV} below the resting voltage (else 1 Hz sampling missed the dip);
 *   <li><b>charging voltage</b>: mean of the running samples from {@code chargeSkip} after the
 *       start (the alternator needs a few seconds to come up) to the end of the run; emitted when
 *       the engine stops, the ignition goes off or the data pauses for {@code maxGap}.
 * </ul>
 *
 * The engine runs when it reports rpm &gt; 0 or the voltage is at least {@code chargingV}: a BEV
 * has no rpm, a hybrid runs electrically at 0 rpm, and a single rpm reading of 0 mid-trip (seen in
 * real logs) does not stop a run whose voltage says the alternator is charging. Trends are
 * exponentially-weighted regressions ({@link EwTrend}), reported in V per 30 days.
 */
public final class Battery12VProcessor implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double MIN_VALID_V = 5.0;
  private static final double MAX_VALID_V = 20.0;

  private final long settleMs;
  private final double crankDropV;
  private final long crankWindowMs;
  private final long chargeSkipMs;
  private final long maxGapMs;
  private final double chargingV;
  private final double trendTauDays;

  /**
   * @param settle engine-off time after which the voltage counts as resting (default 2 h)
   * @param crankDropV drop below resting that marks cranking, V (default 0.5)
   * @param crankWindow time after the start still searched for the cranking minimum (default 10 s)
   * @param chargeSkip time after the start left out of the charging mean (default 30 s)
   * @param maxGap a pause in samples this long ends the run (default 10 min)
   * @param chargingV voltage at or above which the alternator (or DC-DC) is charging (default 13 V)
   * @param trendTauDays fading time constant of the trends, days (default 45)
   */
  public Battery12VProcessor(
      Duration settle,
      double crankDropV,
      Duration crankWindow,
      Duration chargeSkip,
      Duration maxGap,
      double chargingV,
      double trendTauDays) {
    if (crankDropV <= 0 || chargingV <= 0 || trendTauDays <= 0) {
      throw new IllegalArgumentException("crankDropV, chargingV and trendTauDays must be positive");
    }
    this.settleMs = settle.toMillis();
    this.crankDropV = crankDropV;
    this.crankWindowMs = crankWindow.toMillis();
    this.chargeSkipMs = chargeSkip.toMillis();
    this.maxGapMs = maxGap.toMillis();
    this.chargingV = chargingV;
    this.trendTauDays = trendTauDays;
  }

  /** The documented defaults. */
  public static Battery12VProcessor defaults() {
    return new Battery12VProcessor(
        Duration.ofHours(2),
        0.5,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        13.0,
        45);
  }

  /** Applies one message of {@code vin}. */
  public void process(
      String vin, Battery12VState s, VehicleMessage message, Consumer<SignalPoint> out) {
    switch (message) {
      case TelemetryMessage t -> {
        for (Sample sample : t.samples()) {
          onSample(vin, s, sample, out);
        }
      }
      case EventMessage e -> {
        for (VehicleEvent event : e.events()) {
          onEvent(vin, s, event, out);
        }
      }
      default -> {}
    }
  }

  private void onSample(String vin, Battery12VState s, Sample sample, Consumer<SignalPoint> out) {
    double v = sample.valueOr(SignalCatalogue.BATTERY_12V_VOLTAGE, Double.NaN);
    long ts = sample.tsMs();
    if (!(v >= MIN_VALID_V && v <= MAX_VALID_V) || ts <= s.lastSampleMs || ts <= s.runClosedMs) {
      return;
    }
    if (s.lastSampleMs != Long.MIN_VALUE && ts - s.lastSampleMs >= maxGapMs) {
      // The data paused: whatever was under way ended at the last sample.
      if (s.lastRunning) {
        endRun(vin, s, s.lastSampleMs, out);
      } else {
        emitResting(vin, s, out);
      }
    }
    double rpm = sample.valueOr(SignalCatalogue.ENGINE_SPEED, Double.NaN);
    boolean running = rpm > 0 || v >= chargingV;
    if (running) {
      onRunning(vin, s, ts, v, out);
    } else {
      onOff(vin, s, ts, v, out);
    }
    s.lastSampleMs = ts;
    s.lastRunning = running;
  }

  private void onRunning(
      String vin, Battery12VState s, long ts, double v, Consumer<SignalPoint> out) {
    if (!s.lastRunning) {
      startRun(vin, s, ts, v, out);
    }
    if (s.crankOpen) {
      if (ts - s.startMs <= crankWindowMs) {
        s.crankMinV = Math.min(s.crankMinV, v);
      } else {
        closeCrank(vin, s, out);
      }
    }
    if (ts - s.startMs >= chargeSkipMs) {
      s.chargeSum += v;
      s.chargeCount++;
    }
  }

  private void startRun(
      String vin, Battery12VState s, long ts, double v, Consumer<SignalPoint> out) {
    double resting = s.restCount > 0 ? s.restSum / s.restCount : Double.NaN;
    emitResting(vin, s, out);
    s.startMs = ts;
    s.chargeSum = 0;
    s.chargeCount = 0;
    s.crankOpen = !s.hasStartEvents;
    s.crankRefV = resting;
    s.crankMinV = v;
    for (int i = 0; i < Battery12VState.RING; i++) {
      if (s.offMs[i] != 0 && ts - s.offMs[i] <= crankWindowMs) {
        s.crankMinV = Math.min(s.crankMinV, s.offV[i]);
      }
    }
    clearOff(s);
  }

  private void onOff(String vin, Battery12VState s, long ts, double v, Consumer<SignalPoint> out) {
    if (s.lastRunning) {
      endRun(vin, s, s.lastSampleMs, out);
    }
    if (!s.offSettled
        && !s.offDipSeen
        && (s.lastRunningMs == Long.MIN_VALUE || ts - s.lastRunningMs >= settleMs)) {
      s.offSettled = true;
      s.restFirstMs = ts;
    }
    if (s.offSettled && !s.offDipSeen) {
      if (s.restCount > 0 && v < s.restSum / s.restCount - crankDropV) {
        s.offDipSeen = true; // cranking has begun; the rpm will follow
      } else {
        s.restSum += v;
        s.restCount++;
      }
    }
    s.offV[s.offNext] = v;
    s.offMs[s.offNext] = ts;
    s.offNext = (s.offNext + 1) % Battery12VState.RING;
  }

  private void endRun(String vin, Battery12VState s, long endMs, Consumer<SignalPoint> out) {
    if (s.crankOpen) {
      closeCrank(vin, s, out);
    }
    if (s.chargeCount > 0) {
      double charging = s.chargeSum / s.chargeCount;
      out.accept(new SignalPoint(vin, endMs, SignalNames.BATTERY_CHARGING_V, charging));
      s.chargingTrend.add(endMs, charging, trendTauDays);
      emitTrend(vin, s.chargingTrend, endMs, SignalNames.BATTERY_CHARGING_TREND_V_PER_30D, out);
    }
    s.chargeSum = 0;
    s.chargeCount = 0;
    s.lastRunningMs = endMs;
    s.lastRunning = false;
    clearOff(s);
  }

  private void closeCrank(String vin, Battery12VState s, Consumer<SignalPoint> out) {
    s.crankOpen = false;
    boolean dipSeen =
        Double.isNaN(s.crankRefV) ? s.crankMinV < 11.5 : s.crankMinV <= s.crankRefV - crankDropV;
    if (dipSeen && !s.hasStartEvents) {
      emitCranking(vin, s, s.startMs, s.crankMinV, out);
    }
  }

  private void onEvent(
      String vin, Battery12VState s, VehicleEvent event, Consumer<SignalPoint> out) {
    switch (event) {
      case VehicleEvent.EngineStart start -> {
        s.hasStartEvents = true;
        s.crankOpen = false;
        emitCranking(vin, s, start.tsMs(), start.crankingMinV(), out);
      }
      case VehicleEvent.Other other when other.type().equals("NO_START") -> {
        String field = other.fields().get("crankingMinV");
        double v = parse(field);
        if (v > 0) {
          s.hasStartEvents = true;
          emitCranking(vin, s, other.tsMs(), v, out);
        }
      }
      case VehicleEvent.IgnitionOff off -> {
        if (s.lastRunning && off.tsMs() >= s.lastSampleMs) {
          endRun(vin, s, s.lastSampleMs, out);
          s.lastRunningMs = off.tsMs();
          s.runClosedMs = off.tsMs();
        } else if (!s.lastRunning) {
          emitResting(vin, s, out);
        }
      }
      case VehicleEvent.ServicePerformed service when service.service().equals("BATTERY_12V") -> {
        s.restingTrend.reset();
        s.crankingTrend.reset();
      }
      default -> {}
    }
  }

  private void emitResting(String vin, Battery12VState s, Consumer<SignalPoint> out) {
    if (s.restCount > 0) {
      double resting = s.restSum / s.restCount;
      out.accept(new SignalPoint(vin, s.restFirstMs, SignalNames.BATTERY_RESTING_V, resting));
      s.restingTrend.add(s.restFirstMs, resting, trendTauDays);
      emitTrend(
          vin, s.restingTrend, s.restFirstMs, SignalNames.BATTERY_RESTING_TREND_V_PER_30D, out);
    }
    s.restSum = 0;
    s.restCount = 0;
    s.offSettled = false;
  }

  private void emitCranking(
      String vin, Battery12VState s, long ts, double v, Consumer<SignalPoint> out) {
    out.accept(new SignalPoint(vin, ts, SignalNames.BATTERY_CRANKING_MIN_V, v));
    s.crankingTrend.add(ts, v, trendTauDays);
    emitTrend(vin, s.crankingTrend, ts, SignalNames.BATTERY_CRANKING_TREND_V_PER_30D, out);
  }

  private static void emitTrend(
      String vin, EwTrend trend, long ts, String name, Consumer<SignalPoint> out) {
    double slope = trend.slopePerDay(5, 7);
    if (Double.isFinite(slope)) {
      out.accept(new SignalPoint(vin, ts, name, slope * 30));
    }
  }

  private static void clearOff(Battery12VState s) {
    s.offSettled = false;
    s.offDipSeen = false;
    s.restSum = 0;
    s.restCount = 0;
    java.util.Arrays.fill(s.offMs, 0);
    java.util.Arrays.fill(s.offV, 0);
    s.offNext = 0;
  }

  private static double parse(String text) {
    try {
      return text == null ? Double.NaN : Double.parseDouble(text.replace("\"", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
