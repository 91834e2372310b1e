package io.fleetcare.streamjobs.usage;

import io.fleetcare.streamjobs.signal.Trip;
import io.fleetcare.streamjobs.signal.UsageProfileSnapshot;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * How a vehicle is used, over its trips of the last {@value #WINDOW_DAYS} days, and the scenario
 * that care offers follow. The scenario rule, first match wins:
 *
 * <ol>
 *   <li><b>ride-hailing</b>: 8 or more trips per day with trips. Paid rides come back to back
 *       through a shift; private use rarely exceeds four or five trips a day.
 *   <li><b>family</b>: at least half the trips are under 8 km (school runs, shopping).
 *   <li><b>business</b>: at least 30 % of the distance above 80 km/h (longer trips between towns).
 *   <li><b>off-road</b>: about as many trips at weekends as on working days (weekend trips per day
 *       at least 0.8 × weekday trips per day). Rough roads leave no trace in the signals this
 *       operator sees, so what is left is a private car not tied to a working week.
 *   <li><b>commute</b>: otherwise — trips on working days, few at weekends.
 * </ol>
 *
 * The thresholds follow the usage the scenarios describe, not a fit to any data set.
 */
public final class UsageProfileProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int WINDOW_DAYS = 28;

  /** Trips shorter than this are short (km), as {@link UsageProfileSnapshot} documents. */
  static final double SHORT_TRIP_KM = 8;

  static final double RIDE_HAILING_TRIPS_PER_DAY = 8;
  static final double FAMILY_SHORT_SHARE = 0.5;
  static final double BUSINESS_HIGHWAY_SHARE = 0.3;
  static final double OFF_ROAD_WEEKEND_RATIO = 0.8;

  private static final long DAY_MS = 86_400_000L;

  private final UsageOptions options;
  private final long emitIntervalMs;

  public UsageProfileProcessor(UsageOptions options) {
    this.options = options;
    this.emitIntervalMs = options.emitInterval().toMillis();
  }

  /** One trip; emits a snapshot at most once per emit interval once the window is full enough. */
  public void onTrip(UsageState s, Trip trip, Consumer<UsageProfileSnapshot> out) {
    long day = Math.floorDiv(trip.startMs(), DAY_MS);
    if (s.newestDay == Long.MIN_VALUE) {
      s.newestDay = day;
      s.firstDay = day;
    } else if (day > s.newestDay) {
      shift(s, (int) Math.min(WINDOW_DAYS, day - s.newestDay));
      s.newestDay = day;
    }
    int i = (int) (s.newestDay - day);
    if (i >= WINDOW_DAYS || day < s.firstDay) {
      return; // older than the window
    }
    s.trips[i]++;
    if (trip.distanceKm() < SHORT_TRIP_KM) {
      s.shortTrips[i]++;
    }
    s.km[i] += (float) trip.distanceKm();
    s.highwayKm[i] += (float) (trip.highwayShare() * trip.distanceKm());
    s.timeS[i] += (float) trip.durationS();
    s.nightS[i] += (float) (trip.nightShare() * trip.durationS());

    if (s.lastEmitMs != Long.MIN_VALUE && trip.endMs() - s.lastEmitMs < emitIntervalMs) {
      return;
    }
    UsageFigures f = figures(s);
    if (f.trips() < options.minTrips() || s.newestDay - s.firstDay + 1 < options.minHistoryDays()) {
      return;
    }
    s.lastEmitMs = trip.endMs();
    out.accept(
        new UsageProfileSnapshot(
            trip.vin(),
            trip.endMs(),
            f.trips(),
            f.shortTripShare(),
            f.commuteKm(),
            f.kmPerDay(),
            f.highwayShare(),
            f.nightShare(),
            scenario(f)));
  }

  /** The scenario rule of the class comment. */
  public static String scenario(UsageFigures f) {
    if (f.tripsPerActiveDay() >= RIDE_HAILING_TRIPS_PER_DAY) {
      return "ride-hailing";
    }
    if (f.shortTripShare() >= FAMILY_SHORT_SHARE) {
      return "family";
    }
    if (f.highwayShare() >= BUSINESS_HIGHWAY_SHARE) {
      return "business";
    }
    if (f.weekendTripsPerDay() >= OFF_ROAD_WEEKEND_RATIO * f.weekdayTripsPerDay()) {
      return "off-road";
    }
    return "commute";
  }

  /** The window's figures. */
  static UsageFigures figures(UsageState s) {
    int days = (int) Math.min(WINDOW_DAYS, s.newestDay - s.firstDay + 1);
    int trips = 0;
    int shortTrips = 0;
    int activeDays = 0;
    double km = 0;
    double highwayKm = 0;
    double timeS = 0;
    double nightS = 0;
    int weekdays = 0;
    int weekendDays = 0;
    int weekdayTrips = 0;
    int weekendTrips = 0;
    double[] weekdayKm = new double[days];
    int activeWeekdays = 0;
    for (int i = 0; i < days; i++) {
      trips += s.trips[i];
      shortTrips += s.shortTrips[i];
      km += s.km[i];
      highwayKm += s.highwayKm[i];
      timeS += s.timeS[i];
      nightS += s.nightS[i];
      if (s.trips[i] > 0) {
        activeDays++;
      }
      if (weekend(s.newestDay - i)) {
        weekendDays++;
        weekendTrips += s.trips[i];
      } else {
        weekdays++;
        weekdayTrips += s.trips[i];
        if (s.trips[i] > 0) {
          weekdayKm[activeWeekdays++] = s.km[i];
        }
      }
    }
    return new UsageFigures(
        days,
        trips,
        activeDays,
        trips == 0 ? 0 : (double) shortTrips / trips,
        trips == 0 ? 0 : km / trips,
        median(weekdayKm, activeWeekdays),
        days == 0 ? 0 : km / days,
        km > 0 ? highwayKm / km : 0,
        timeS > 0 ? nightS / timeS : 0,
        weekdays == 0 ? 0 : (double) weekdayTrips / weekdays,
        weekendDays == 0 ? Double.NaN : (double) weekendTrips / weekendDays);
  }

  private static void shift(UsageState s, int n) {
    shift(s.trips, n);
    shift(s.shortTrips, n);
    shift(s.km, n);
    shift(s.highwayKm, n);
    shift(s.timeS, n);
    shift(s.nightS, n);
  }

  private static void shift(int[] bins, int n) {
    System.arraycopy(bins, 0, bins, n, bins.length - n);
    Arrays.fill(bins, 0, n, 0);
  }

  private static void shift(float[] bins, int n) {
    System.arraycopy(bins, 0, bins, n, bins.length - n);
    Arrays.fill(bins, 0, n, 0f);
  }

  /** 1970-01-01 was a Thursday: day 0 is index 3 counting from Monday. */
  static boolean weekend(long epochDay) {
    return Math.floorMod(epochDay + 3, 7) >= 5;
  }

  private static double median(double[] values, int n) {
    if (n == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
