package io.fleetcare.streamjobs.trip;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.distance.DistanceFuelIncrement;
import io.fleetcare.streamjobs.distance.DistanceFuelProcessor;
import io.fleetcare.streamjobs.distance.DistanceFuelState;
import io.fleetcare.streamjobs.signal.Trip;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a vehicle's ordered messages into {@link Trip}s.
 *
 * <p>A trip opens on {@code IGNITION_ON} or on a sample after the last trip, and closes on {@code
 * IGNITION_OFF} once a sample at or after the event's time has been seen (telemetry and events are
 * separate topics, so the trip's last samples may arrive after the event), on the next trip's first
 * sample or {@code IGNITION_ON}, on a sample gap longer than {@link TripOptions#tripGap()}, or when
 * the caller's grace timer runs out ({@link #closeOpenTrip}). Vehicles that never send ignition
 * events (replayed logs) end a trip after {@link TripOptions#standstillEnd()} of standstill with
 * the engine off. A trip is emitted at most once: samples and events at or before the end of the
 * last trip are dropped. Trips with fewer than two samples (a failed start) are not emitted.
 *
 * <p>Distance and fuel come from {@link DistanceFuelProcessor} (odometer, else integrated speed;
 * fuel rate, else MAF), restarted at each trip so a parking interval is never integrated. Each
 * interval between samples is described by the later sample, which with the simulator's averaged
 * samples is the mean over that interval.
 */
public final class TripSegmenter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Below this the car stands (km/h): speed sensors report a little noise around zero. */
  static final double STANDSTILL_KMH = 0.5;

  /** A stop is the speed falling below this after moving (km/h), as {@link Trip} documents. */
  static final double STOP_KMH = 5;

  /** Distance above this speed counts as highway (km/h). */
  static final double HIGHWAY_KMH = 80;

  private static final long DAY_MS = 86_400_000L;
  private static final long HOUR_MS = 3_600_000L;

  private final DistanceFuelProcessor integration;
  private final long maxSampleGapMs;
  private final long tripGapMs;
  private final long standstillEndMs;

  public TripSegmenter(TripOptions options) {
    this.maxSampleGapMs = options.maxSampleGap().toMillis();
    this.integration = new DistanceFuelProcessor(maxSampleGapMs / 1000.0);
    this.tripGapMs = options.tripGap().toMillis();
    this.standstillEndMs = options.standstillEnd().toMillis();
  }

  /** Feeds one message of the vehicle {@code vin}; closed trips go to {@code out}. */
  public void process(TripState s, VehicleMessage message, Consumer<Trip> out) {
    switch (message) {
      case TelemetryMessage t -> {
        for (Sample sample : t.samples()) {
          onSample(s, t.vin(), sample, out);
        }
      }
      case EventMessage e -> {
        for (VehicleEvent event : e.events()) {
          onEvent(s, e.vin(), event, out);
        }
      }
      case VehicleProfile p -> integration.onProfile(s.integration, p);
    }
  }

  /** True while an {@code IGNITION_OFF} waits for the trip's last samples. */
  public boolean awaitingLastSamples(TripState s) {
    return s.open && s.offMs != Long.MIN_VALUE;
  }

  /** Closes the open trip with what it has (the grace time ran out, or the vehicle went quiet). */
  public void closeOpenTrip(TripState s, String vin, Consumer<Trip> out) {
    if (s.open) {
      close(s, vin, out);
    }
  }

  void onEvent(TripState s, String vin, VehicleEvent event, Consumer<Trip> out) {
    switch (event) {
      case VehicleEvent.IgnitionOn on -> ignitionOn(s, vin, on.tsMs(), out);
      case VehicleEvent.IgnitionOff off -> ignitionOff(s, vin, off.tsMs(), out);
      default -> {}
    }
  }

  private void ignitionOn(TripState s, String vin, long ts, Consumer<Trip> out) {
    s.ignitionEvents = true;
    if (ts <= s.closedUntilMs) {
      return;
    }
    // Later than everything the open trip has: the previous trip's IGNITION_OFF was lost or is
    // pending. Otherwise the trip's first samples overtook its IGNITION_ON: same trip.
    if (s.open && ts > (s.samples == 0 ? s.startMs : s.lastSampleMs)) {
      close(s, vin, out);
    }
    if (s.open) {
      s.startMs = Math.min(s.startMs, ts);
    } else {
      open(s, ts);
    }
  }

  private void ignitionOff(TripState s, String vin, long ts, Consumer<Trip> out) {
    s.ignitionEvents = true;
    if (!s.open || ts <= s.closedUntilMs) {
      return;
    }
    s.offMs = ts;
    if (s.samples > 0 && s.lastSampleMs >= ts) {
      close(s, vin, out);
    }
  }

  void onSample(TripState s, String vin, Sample sample, Consumer<Trip> out) {
    long ts = sample.tsMs();
    if (ts <= s.closedUntilMs) {
      return;
    }
    if (s.open) {
      boolean afterOff = s.offMs != Long.MIN_VALUE && ts > s.offMs;
      boolean gap = s.samples > 0 && ts - s.lastSampleMs > tripGapMs;
      if (afterOff || gap) {
        close(s, vin, out);
      } else if (s.samples > 0 && ts <= s.lastSampleMs) {
        return; // repeated or out-of-order within the trip: nothing to add
      }
    }
    boolean active = active(sample);
    if (!s.open) {
      if (!s.ignitionEvents && !active) {
        return; // a logger recording a parked car: no trip
      }
      open(s, ts);
    }
    accumulate(s, sample, active);
    if (s.offMs != Long.MIN_VALUE && ts >= s.offMs) {
      close(s, vin, out);
    } else if (!s.ignitionEvents
        && s.standstillSinceMs != Long.MIN_VALUE
        && ts - s.standstillSinceMs >= standstillEndMs) {
      // The trip ended when the car stopped; the standstill after it is not part of it.
      s.lastSampleMs = s.standstillSinceMs;
      s.timeS -= s.standstillS;
      s.nightS -= s.standstillNightS;
      close(s, vin, out);
    }
  }

  private void open(TripState s, long startMs) {
    DistanceFuelState fresh = new DistanceFuelState();
    fresh.fuel = s.integration.fuel;
    s.integration = fresh;
    s.open = true;
    s.startMs = startMs;
    s.offMs = Long.MIN_VALUE;
    s.firstSampleMs = Long.MIN_VALUE;
    s.lastSampleMs = Long.MIN_VALUE;
    s.samples = 0;
    s.distanceKm = 0;
    s.fuelL = 0;
    s.timeS = 0;
    s.idleS = 0;
    s.nightS = 0;
    s.speedKm = 0;
    s.highwayKm = 0;
    s.stops = 0;
    s.moving = false;
    s.airTemperatureSum = 0;
    s.airTemperatureCount = 0;
    s.standstillSinceMs = Long.MIN_VALUE;
    s.standstillS = 0;
    s.standstillNightS = 0;
  }

  private void accumulate(TripState s, Sample sample, boolean active) {
    long ts = sample.tsMs();
    long prevTs = s.integration.lastTsMs;
    double prevSpeed = s.integration.lastSpeedKmh;
    double speed = sample.valueOr(SignalCatalogue.SPEED, Double.NaN);
    if (prevTs != Long.MIN_VALUE && ts > prevTs && ts - prevTs <= maxSampleGapMs) {
      double dtS = (ts - prevTs) / 1000.0;
      double nightS = isNight(prevTs + (ts - prevTs) / 2) ? dtS : 0;
      s.timeS += dtS;
      s.nightS += nightS;
      if (!Double.isNaN(speed) && speed < STANDSTILL_KMH && engineRunning(sample)) {
        s.idleS += dtS;
      }
      if (!Double.isNaN(speed) && !Double.isNaN(prevSpeed)) {
        double meanKmh = (prevSpeed + speed) / 2;
        double km = meanKmh * dtS / 3600;
        s.speedKm += km;
        if (meanKmh > HIGHWAY_KMH) {
          s.highwayKm += km;
        }
      }
      if (s.standstillSinceMs != Long.MIN_VALUE) {
        s.standstillS += dtS;
        s.standstillNightS += nightS;
      }
    }
    DistanceFuelIncrement step =
        integration.process(s.integration, new TelemetryMessage("", 0, List.of(sample)));
    s.distanceKm += step.distanceKm();
    s.fuelL += step.fuelL();

    if (!Double.isNaN(speed)) {
      if (speed >= STOP_KMH) {
        s.moving = true;
      } else if (s.moving) {
        s.stops++;
        s.moving = false;
      }
    }
    double air = sample.valueOr(SignalCatalogue.AIR_TEMPERATURE, Double.NaN);
    if (!Double.isNaN(air)) {
      s.airTemperatureSum += air;
      s.airTemperatureCount++;
    }
    if (active) {
      s.standstillSinceMs = Long.MIN_VALUE;
      s.standstillS = 0;
      s.standstillNightS = 0;
    } else if (s.standstillSinceMs == Long.MIN_VALUE) {
      s.standstillSinceMs = ts;
    }
    if (s.samples == 0) {
      s.firstSampleMs = ts;
    }
    s.lastSampleMs = ts;
    s.samples++;
  }

  private void close(TripState s, String vin, Consumer<Trip> out) {
    if (s.samples >= 2) {
      out.accept(
          new Trip(
              vin,
              s.firstSampleMs,
              s.lastSampleMs,
              s.distanceKm,
              s.fuelL,
              s.timeS > 0 ? s.idleS / s.timeS : 0,
              s.distanceKm > 0 ? s.stops / s.distanceKm : 0,
              s.speedKm > 0 ? s.highwayKm / s.speedKm : 0,
              s.timeS > 0 ? s.nightS / s.timeS : 0,
              s.airTemperatureCount > 0
                  ? s.airTemperatureSum / s.airTemperatureCount
                  : Double.NaN));
    }
    s.closedUntilMs =
        Math.max(s.closedUntilMs, Math.max(s.startMs, Math.max(s.offMs, s.lastSampleMs)));
    s.open = false;
    s.offMs = Long.MIN_VALUE;
    s.samples = 0;
    s.standstillSinceMs = Long.MIN_VALUE;
  }

  /** Moving, or the engine turning: a logger without ignition events sees a trip. */
  private static boolean active(Sample sample) {
    return sample.valueOr(SignalCatalogue.SPEED, 0) >= STANDSTILL_KMH
        || sample.valueOr(SignalCatalogue.ENGINE_SPEED, 0) > 0;
  }

  /**
   * Idle means the engine burns fuel at standstill. Cars without an engine-speed signal (BEVs)
   * count standstill with the ignition on, which is what holds the driver up just the same.
   */
  private static boolean engineRunning(Sample sample) {
    return !sample.has(SignalCatalogue.ENGINE_SPEED)
        || sample.valueOr(SignalCatalogue.ENGINE_SPEED, 0) > 0;
  }

  /** 22:00 to 06:00 UTC (the fleet's local time stands in as UTC, as in the simulator). */
  static boolean isNight(long tsMs) {
    long hour = Math.floorMod(tsMs, DAY_MS) / HOUR_MS;
    return hour >= 22 || hour < 6;
  }
}
