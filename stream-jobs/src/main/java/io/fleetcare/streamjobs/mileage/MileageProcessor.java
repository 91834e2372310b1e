package io.fleetcare.streamjobs.mileage;

import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Kilometres per day and the days left to the next mileage-service milestone.
 *
 * <p>km/day is the trip distance of the last {@value #WINDOW_DAYS} calendar days (days without
 * trips count as 0 km) divided by the days in the window, or by the days since the first trip while
 * the history is shorter. The odometer is the car's own {@code Vehicle.TraveledDistance}; for cars
 * that do not report it, the reading of the last {@code SERVICE_PERFORMED} (the dealer reads the
 * odometer) plus the trips since. Without either, only km/day is emitted: the milestone is a
 * multiple of an odometer we do not know. The next milestone is the next multiple of {@link
 * MileageOptions#serviceIntervalKm()} above the odometer; days to it = km left / km/day. No reset
 * after a service is needed: milestones are odometer multiples.
 */
public final class MileageProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int WINDOW_DAYS = 30;
  private static final long DAY_MS = 86_400_000L;

  private final MileageOptions options;
  private final long emitIntervalMs;

  public MileageProcessor(MileageOptions options) {
    this.options = options;
    this.emitIntervalMs = options.emitInterval().toMillis();
  }

  /** An odometer reading of the car, km. */
  public void onOdometer(MileageState s, long tsMs, double odometerKm) {
    if (tsMs >= s.odometerMs) {
      s.odometerMs = tsMs;
      s.odometerKm = odometerKm;
    }
  }

  /** A service with the dealer's odometer reading: the anchor for cars without an odometer. */
  public void onService(MileageState s, long tsMs, double odometerKm) {
    if (tsMs > s.anchorMs && Double.isFinite(odometerKm) && odometerKm > 0) {
      s.anchorMs = tsMs;
      s.anchorKm = odometerKm;
      s.kmSinceAnchor = 0;
    }
  }

  /** One trip: adds its distance and emits the indicators at most once per emit interval. */
  public void onTrip(MileageState s, Trip trip, Consumer<SignalPoint> out) {
    long day = Math.floorDiv(trip.startMs(), DAY_MS);
    if (s.newestDay == Long.MIN_VALUE) {
      s.newestDay = day;
      s.firstDay = day;
    } else if (day > s.newestDay) {
      int shift = (int) Math.min(WINDOW_DAYS, day - s.newestDay);
      System.arraycopy(s.dayKm, 0, s.dayKm, shift, WINDOW_DAYS - shift);
      Arrays.fill(s.dayKm, 0, shift, 0f);
      s.newestDay = day;
    }
    int i = (int) (s.newestDay - day);
    if (i < WINDOW_DAYS && day >= s.firstDay) {
      s.dayKm[i] += (float) trip.distanceKm();
    }
    if (s.anchorMs != Long.MIN_VALUE && trip.startMs() >= s.anchorMs) {
      s.kmSinceAnchor += trip.distanceKm();
    }
    if (s.lastEmitMs != Long.MIN_VALUE && trip.endMs() - s.lastEmitMs < emitIntervalMs) {
      return;
    }
    s.lastEmitMs = trip.endMs();
    emit(s, trip.vin(), trip.endMs(), out);
  }

  private void emit(MileageState s, String vin, long tsMs, Consumer<SignalPoint> out) {
    double odometer = odometerKm(s);
    if (!Double.isNaN(odometer)) {
      out.accept(new SignalPoint(vin, tsMs, SignalNames.ODOMETER_KM, odometer));
    }
    double kmPerDay = kmPerDay(s);
    if (Double.isNaN(kmPerDay)) {
      return;
    }
    out.accept(new SignalPoint(vin, tsMs, SignalNames.KM_PER_DAY, kmPerDay));
    if (!Double.isNaN(odometer) && kmPerDay > 0) {
      double interval = options.serviceIntervalKm();
      double next = (Math.floor(odometer / interval) + 1) * interval;
      out.accept(
          new SignalPoint(
              vin, tsMs, SignalNames.DAYS_TO_NEXT_SERVICE, (next - odometer) / kmPerDay));
    }
  }

  /** Mean km per calendar day over the window, NaN while the history is too short. */
  double kmPerDay(MileageState s) {
    long days = Math.min(WINDOW_DAYS, s.newestDay - s.firstDay + 1);
    if (s.newestDay == Long.MIN_VALUE || days < options.minHistoryDays()) {
      return Double.NaN;
    }
    double km = 0;
    for (int i = 0; i < days; i++) {
      km += s.dayKm[i];
    }
    return km / days;
  }

  /** The car's odometer, else the dealer's last reading plus the trips since, else NaN. */
  static double odometerKm(MileageState s) {
    if (!Double.isNaN(s.odometerKm)) {
      return s.odometerKm;
    }
    return Double.isNaN(s.anchorKm) ? Double.NaN : s.anchorKm + s.kmSinceAnchor;
  }
}
