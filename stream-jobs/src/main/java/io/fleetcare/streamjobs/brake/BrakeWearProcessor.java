package io.fleetcare.streamjobs.brake;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Brake-pad wear: the pad-wear sensor where the car has one, otherwise an estimate from
 * friction-braking energy (Archard: pad wear is proportional to friction work).
 *
 * <p>Between two speed samples the car's kinetic energy changes by ½m(v₁²−v₀²); drag and rolling
 * resistance take (½ρC<sub>d</sub>Av̄² + C<sub>rr</sub>mg)·v̄·dt of it. When the wheels must shed
 * energy, the engine on overrun (ICE) or the motor-generator up to its power limit (HEV, BEV) take
 * their part and the friction brakes the rest. Wear is a rate per MJ of that friction energy per
 * axle: a prior from a typical pad life (see {@link BrakeWearOptions}) until the car calibrates it,
 * from the change of its sensor readings against the energy in between, or from a {@code
 * BRAKE_PADS} service (the owner acts at the wear limit) when an earlier anchor is known.
 *
 * <p>The absolute wear needs an anchor: a sensor reading or a service (new pads). Until then only
 * the wear accrued since the car was first seen is known; starting wear is not observable from
 * driving. Emitted per trip (ignition off, or a 10-minute pause in the samples).
 */
public final class BrakeWearProcessor implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double AIR_DENSITY = 1.2;
  private static final double G = 9.81;
  private static final double DEFAULT_MASS_KG = 1_400;
  private static final long TRIP_GAP_MS = 600_000;
  private static final String[] FRONT = {
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(0)),
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(1))
  };
  private static final String[] REAR = {
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(2)),
    SignalCatalogue.padWear(SignalCatalogue.WHEELS.get(3))
  };

  private final BrakeWearOptions options;
  private final boolean useSensor;

  /** A processor that reads the pad-wear sensor where present. */
  public BrakeWearProcessor(BrakeWearOptions options) {
    this(options, true);
  }

  /**
   * @param options physics and priors
   * @param useSensor false ignores pad-wear sensors (to score the estimate against them)
   */
  public BrakeWearProcessor(BrakeWearOptions options, boolean useSensor) {
    this.options = options;
    this.useSensor = useSensor;
  }

  /** Applies one message of {@code vin}. */
  public void process(
      String vin, BrakeWearState s, VehicleMessage message, Consumer<SignalPoint> out) {
    switch (message) {
      case VehicleProfile p -> {
        s.massKg = p.massKg();
        s.powertrain = p.powertrain().ordinal();
      }
      case TelemetryMessage t -> {
        for (Sample sample : t.samples()) {
          onSample(vin, s, sample, out);
        }
      }
      case EventMessage e -> {
        for (VehicleEvent event : e.events()) {
          switch (event) {
            case VehicleEvent.IgnitionOff off -> endTrip(vin, s, out);
            case VehicleEvent.ServicePerformed sp when sp.service().equals("BRAKE_PADS") ->
                serviced(vin, s, sp.tsMs(), out);
            default -> {}
          }
        }
      }
    }
  }

  /** Estimated wear of the most worn axle, %, or NaN while no anchor is known. */
  public double estimatePct(BrakeWearState s) {
    double front = s.anchorFrontPct + frontRate(s) * s.sinceAnchorMJ;
    double rear = s.anchorRearPct + rearRate(s) * s.sinceAnchorMJ;
    return Math.max(front, rear);
  }

  /** Wear accrued since the car was first seen or its pads replaced, most worn axle, %. */
  public double accruedPct(BrakeWearState s) {
    return Math.max(frontRate(s), rearRate(s)) * s.accruedMJ;
  }

  /** Friction-braking energy between two speed samples {@code dtS} apart, J. */
  public double frictionJ(BrakeWearState s, double fromKmh, double toKmh, double dtS) {
    double m = (Double.isNaN(s.massKg) ? DEFAULT_MASS_KG : s.massKg) + options.driverKg();
    double v0 = fromKmh / 3.6;
    double v1 = toKmh / 3.6;
    double vm = 0.5 * (v0 + v1);
    double resistN =
        vm > 0.05
            ? 0.5 * AIR_DENSITY * options.dragAreaM2() * vm * vm
                + options.rollingResistance() * m * G
            : 0;
    double wheelJ = 0.5 * m * (v1 * v1 - v0 * v0) + resistN * vm * dtS;
    if (wheelJ >= 0) {
      return 0;
    }
    double brakingW = -wheelJ / dtS;
    double otherW =
        switch (s.powertrain) {
          case 1 -> options.hybridRegenLimitW();
          case 2 -> options.electricRegenLimitW();
          default -> toKmh > 15 ? options.engineBrakingW() : 0;
        };
    return Math.max(0, brakingW - otherW) * dtS;
  }

  private void onSample(String vin, BrakeWearState s, Sample sample, Consumer<SignalPoint> out) {
    long ts = sample.tsMs();
    if (ts <= s.lastTsMs) {
      return;
    }
    if (s.tripActive && ts - s.lastTsMs >= TRIP_GAP_MS) {
      endTrip(vin, s, out);
    }
    s.tripActive = true;
    if (useSensor) {
      double front = max(sample, FRONT);
      double rear = max(sample, REAR);
      if (!Double.isNaN(front) && !Double.isNaN(rear)) {
        onSensor(s, ts, front, rear);
      }
    }
    double speed = sample.valueOr(SignalCatalogue.SPEED, Double.NaN);
    if (Double.isNaN(speed)) {
      return;
    }
    if (!Double.isNaN(s.lastSpeedKmh) && s.lastTsMs != Long.MIN_VALUE) {
      double dtS = (ts - s.lastTsMs) / 1000.0;
      if (dtS <= options.maxGapS()) {
        double mj = frictionJ(s, s.lastSpeedKmh, speed, dtS) / 1e6;
        s.sinceAnchorMJ += mj;
        s.accruedMJ += mj;
        s.totalMJ += mj;
      }
    }
    s.lastTsMs = ts;
    s.lastSpeedKmh = speed;
  }

  private void onSensor(BrakeWearState s, long ts, double front, double rear) {
    if (front < s.sensorFrontPct - 20) {
      // New pads without a service record: calibrate afresh from here.
      s.calFrontPct = Double.NaN;
      s.accruedMJ = 0;
    }
    if (Double.isNaN(s.calFrontPct)) {
      s.calFrontPct = front;
      s.calRearPct = rear;
      s.calAccruedMJ = s.accruedMJ;
    } else if (front < 99.99) {
      double mj = s.accruedMJ - s.calAccruedMJ;
      if (front - s.calFrontPct >= options.minCalibrationPct() && mj > 0) {
        s.frontPctPerMJ = (front - s.calFrontPct) / mj;
      }
      if (rear - s.calRearPct >= options.minCalibrationPct() && mj > 0 && rear < 99.99) {
        s.rearPctPerMJ = (rear - s.calRearPct) / mj;
      }
    }
    s.anchorFrontPct = front;
    s.anchorRearPct = rear;
    s.sinceAnchorMJ = 0;
    s.sensorFrontPct = front;
    s.sensorRearPct = rear;
    s.lastSensorMs = ts;
    s.tripSensorMs = ts;
  }

  private void serviced(String vin, BrakeWearState s, long ts, Consumer<SignalPoint> out) {
    boolean frontWorst =
        frontRate(s) * s.sinceAnchorMJ + s.anchorFrontPct
            >= rearRate(s) * s.sinceAnchorMJ + s.anchorRearPct;
    double anchor = frontWorst ? s.anchorFrontPct : s.anchorRearPct;
    double gained = options.serviceWearPct() - anchor;
    // Only an anchor taken before these pads reached the limit tells the rate; a sensor car's
    // own readings calibrate it better.
    if (!Double.isNaN(anchor)
        && gained >= options.minCalibrationPct()
        && s.sinceAnchorMJ > 0
        && Double.isNaN(s.sensorFrontPct)) {
      double observed = gained / s.sinceAnchorMJ;
      double scale = observed / (frontWorst ? frontRate(s) : rearRate(s));
      s.frontPctPerMJ = frontRate(s) * scale;
      s.rearPctPerMJ = rearRate(s) * scale;
    }
    s.anchorFrontPct = 0;
    s.anchorRearPct = 0;
    s.sinceAnchorMJ = 0;
    s.accruedMJ = 0;
    s.calFrontPct = Double.NaN;
    s.calRearPct = Double.NaN;
    s.calAccruedMJ = 0;
    s.sensorFrontPct = Double.NaN;
    s.sensorRearPct = Double.NaN;
    out.accept(new SignalPoint(vin, ts, SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT, 0));
  }

  private void endTrip(String vin, BrakeWearState s, Consumer<SignalPoint> out) {
    if (!s.tripActive) {
      return;
    }
    s.tripActive = false;
    long ts = s.lastTsMs;
    // A pad service during the trip clears the sensor readings: nothing left to report then.
    if (s.tripSensorMs != Long.MIN_VALUE
        && !Double.isNaN(Math.max(s.sensorFrontPct, s.sensorRearPct))) {
      out.accept(
          new SignalPoint(
              vin,
              s.tripSensorMs,
              SignalNames.BRAKE_PAD_WEAR_PCT,
              Math.max(s.sensorFrontPct, s.sensorRearPct)));
      s.tripSensorMs = Long.MIN_VALUE;
    }
    if (ts == Long.MIN_VALUE) {
      return;
    }
    double estimate = estimatePct(s);
    if (!Double.isNaN(estimate)) {
      out.accept(new SignalPoint(vin, ts, SignalNames.BRAKE_PAD_WEAR_ESTIMATED_PCT, estimate));
    }
    out.accept(new SignalPoint(vin, ts, SignalNames.BRAKE_PAD_WEAR_ACCRUED_PCT, accruedPct(s)));
    out.accept(new SignalPoint(vin, ts, SignalNames.BRAKE_FRICTION_ENERGY_MJ, s.totalMJ));
  }

  private double frontRate(BrakeWearState s) {
    return s.frontPctPerMJ > 0 ? s.frontPctPerMJ : options.priorFrontPctPerMJ();
  }

  private double rearRate(BrakeWearState s) {
    return s.rearPctPerMJ > 0 ? s.rearPctPerMJ : options.priorRearPctPerMJ();
  }

  private static double max(Sample sample, String[] paths) {
    double max = Double.NaN;
    for (String path : paths) {
      double v = sample.valueOr(path, Double.NaN);
      if (!Double.isNaN(v) && !(v <= max)) {
        max = v;
      }
    }
    return max;
  }
}
