package io.fleetcare.streamjobs.fuel;

import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.streamjobs.signal.SignalNames;
import io.fleetcare.streamjobs.signal.SignalPoint;
import io.fleetcare.streamjobs.signal.Trip;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A vehicle's fuel use against its own conditions-normalised baseline.
 *
 * <p>Fuel per 100 km depends on how a trip is driven as much as on the engine. The baseline is a
 * per-vehicle weighted least-squares model of a trip's L/100 km on four conditions, fitted on the
 * vehicle's qualifying trips of its first {@link FuelOptions#baselineDays()} (and again after each
 * {@code ENGINE_DEPOSITS} service, which cleans the engine and starts a new baseline):
 *
 * <ul>
 *   <li>hours per 100 km (1 / mean speed): an engine burns its idle rate for every hour, so slow
 *       and idling trips use more per km;
 *   <li>stops per km: each stop throws away the kinetic energy of the car;
 *   <li>highway share: air drag grows with the square of the speed;
 *   <li>coldness: {@code (70 − air °C) / 70 × min(1, 10 min / trip duration)}, the share of the
 *       trip the engine runs below operating temperature (mixture enrichment), weighted by how cold
 *       it starts.
 * </ul>
 *
 * Trips are weighted by distance (up to 100 km): the L/100 km of a short trip is noisy. Slopes are
 * fitted on centred conditions with a ridge penalty relative to each condition's own spread, and a
 * trip's expected value is clamped to 0.5–2 × the baseline mean so that a trip unlike any baseline
 * trip cannot dominate. Drift is {@code Σ actual litres / Σ expected litres − 1} over the trips of
 * the last 30 and 90 days (3-day bins, so "30 days" is 28–30 days), in percent: a cleaner engine
 * under the same conditions would have burnt the expected litres.
 *
 * <p>Battery-electric vehicles (by profile, or trips without fuel) emit nothing.
 */
public final class FuelBaselineProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int FEATURES = 5;
  static final int PAIRS = FEATURES * (FEATURES + 1) / 2;

  /** 30 bins of 3 days: 90 days. */
  static final int BINS = 30;

  static final long BIN_MS = 3 * 86_400_000L;
  private static final int BINS_30_DAYS = 10;

  /** Operating temperature of the coolant, below which engines enrich the mixture (°C). */
  private static final double OPERATING_C = 70;

  /** Typical warm-up time of an engine (s). */
  private static final double WARM_UP_S = 600;

  /** Air temperature assumed for trips that do not report it (°C). */
  private static final double DEFAULT_AIR_C = 10;

  private static final double MAX_WEIGHT_KM = 100;

  private final FuelOptions options;
  private final long baselineMs;
  private final long emitIntervalMs;

  public FuelBaselineProcessor(FuelOptions options) {
    this.options = options;
    this.baselineMs = options.baselineDays().toMillis();
    this.emitIntervalMs = options.emitInterval().toMillis();
  }

  /** Battery-electric vehicles have no fuel use to follow. */
  public void onProfile(FuelState s, VehicleProfile profile) {
    s.electric = profile.powertrain() == VehicleProfile.Powertrain.BEV;
  }

  /**
   * A fuel-system cleaning (service {@code ENGINE_DEPOSITS}) at {@code tsMs}: the old baseline
   * describes an engine that no longer exists. Other services leave fuel use alone.
   */
  public void onService(FuelState s, String service, long tsMs) {
    if (!"ENGINE_DEPOSITS".equals(service) || tsMs <= s.resetMs) {
      return;
    }
    boolean electric = s.electric;
    FuelState fresh = new FuelState();
    s.electric = electric;
    s.resetMs = tsMs;
    s.baselineStartMs = fresh.baselineStartMs;
    s.baselineTrips = 0;
    s.xtx = fresh.xtx;
    s.xty = fresh.xty;
    s.fitted = false;
    s.coef = fresh.coef;
    s.baselineL100 = 0;
    s.newestBin = fresh.newestBin;
    s.actualL = fresh.actualL;
    s.expectedL = fresh.expectedL;
    s.trips = fresh.trips;
    s.lastEmitMs = Long.MIN_VALUE;
  }

  /** One trip of the vehicle: emits its L/100 km and, once a day, baseline and drift. */
  public void onTrip(FuelState s, Trip trip, Consumer<SignalPoint> out) {
    if (s.electric || !(trip.fuelL() > 0) || trip.startMs() < s.resetMs) {
      return;
    }
    double l100 = trip.litresPer100Km();
    if (Double.isFinite(l100)) {
      out.accept(
          new SignalPoint(trip.vin(), trip.endMs(), SignalNames.FUEL_TRIP_L_PER_100KM, l100));
    }
    if (trip.distanceKm() < options.minTripKm() || trip.durationS() <= 0) {
      return;
    }
    double[] x = features(trip);
    if (!s.fitted) {
      addToBaseline(s, trip, x, l100);
      return;
    }
    addToWindow(s, trip, expectedL100(s, x));
    emitDaily(s, trip, out);
  }

  private void addToBaseline(FuelState s, Trip trip, double[] x, double l100) {
    if (s.baselineStartMs == Long.MIN_VALUE) {
      s.baselineStartMs = trip.startMs();
    }
    double w = Math.min(trip.distanceKm(), MAX_WEIGHT_KM);
    int k = 0;
    for (int i = 0; i < FEATURES; i++) {
      for (int j = i; j < FEATURES; j++) {
        s.xtx[k++] += w * x[i] * x[j];
      }
      s.xty[i] += w * x[i] * l100;
    }
    s.baselineTrips++;
    if (s.baselineTrips >= options.baselineMinTrips()
        && trip.endMs() - s.baselineStartMs >= baselineMs) {
      fit(s);
    }
  }

  /** Ridge regression on centred conditions from the running sums (see the class comment). */
  void fit(FuelState s) {
    int p = FEATURES - 1;
    double sw = s.xtx[index(0, 0)];
    double[] mean = new double[FEATURES];
    for (int j = 1; j < FEATURES; j++) {
      mean[j] = s.xtx[index(0, j)] / sw;
    }
    double meanY = s.xty[0] / sw;
    double[][] a = new double[p][p + 1];
    for (int j = 1; j < FEATURES; j++) {
      for (int k = 1; k < FEATURES; k++) {
        a[j - 1][k - 1] = s.xtx[index(j, k)] / sw - mean[j] * mean[k];
      }
      a[j - 1][p] = s.xty[j] / sw - mean[j] * meanY;
    }
    for (int j = 0; j < p; j++) {
      // A condition that did not vary at all gets a zero slope rather than a singular system.
      a[j][j] = a[j][j] * (1 + options.ridge()) + 1e-12;
    }
    double[] slopes = solve(a);
    s.coef[0] = meanY;
    for (int j = 1; j < FEATURES; j++) {
      s.coef[j] = slopes[j - 1];
      s.coef[0] -= slopes[j - 1] * mean[j];
    }
    s.baselineL100 = meanY;
    s.fitted = true;
    // The sums are only needed for the fit (a cleaning starts new ones): keep the state small.
    s.xtx = new double[0];
    s.xty = new double[0];
  }

  double expectedL100(FuelState s, double[] x) {
    double e = 0;
    for (int j = 0; j < FEATURES; j++) {
      e += s.coef[j] * x[j];
    }
    return Math.max(0.5 * s.baselineL100, Math.min(2 * s.baselineL100, e));
  }

  private static void addToWindow(FuelState s, Trip trip, double expectedL100) {
    long bin = Math.floorDiv(trip.startMs(), BIN_MS);
    if (s.newestBin == Long.MIN_VALUE) {
      s.newestBin = bin;
    } else if (bin > s.newestBin) {
      int shift = (int) Math.min(BINS, bin - s.newestBin);
      shift(s.actualL, shift);
      shift(s.expectedL, shift);
      System.arraycopy(s.trips, 0, s.trips, shift, BINS - shift);
      Arrays.fill(s.trips, 0, shift, 0);
      s.newestBin = bin;
    }
    int i = (int) (s.newestBin - bin);
    if (i >= BINS) {
      return; // older than the window
    }
    s.actualL[i] += (float) trip.fuelL();
    s.expectedL[i] += (float) (expectedL100 * trip.distanceKm() / 100);
    s.trips[i]++;
  }

  private static void shift(float[] bins, int shift) {
    System.arraycopy(bins, 0, bins, shift, BINS - shift);
    Arrays.fill(bins, 0, shift, 0f);
  }

  private void emitDaily(FuelState s, Trip trip, Consumer<SignalPoint> out) {
    if (s.lastEmitMs != Long.MIN_VALUE && trip.endMs() - s.lastEmitMs < emitIntervalMs) {
      return;
    }
    s.lastEmitMs = trip.endMs();
    String vin = trip.vin();
    out.accept(
        new SignalPoint(vin, trip.endMs(), SignalNames.FUEL_BASELINE_L_PER_100KM, s.baselineL100));
    double d30 = driftPercent(s, BINS_30_DAYS);
    if (!Double.isNaN(d30)) {
      out.accept(new SignalPoint(vin, trip.endMs(), SignalNames.FUEL_DRIFT_30D_PCT, d30));
    }
    double d90 = driftPercent(s, BINS);
    if (!Double.isNaN(d90)) {
      out.accept(new SignalPoint(vin, trip.endMs(), SignalNames.FUEL_DRIFT_90D_PCT, d90));
    }
  }

  /** Drift over the newest {@code bins} bins in percent, NaN with too few trips. */
  double driftPercent(FuelState s, int bins) {
    double actual = 0;
    double expected = 0;
    int trips = 0;
    for (int i = 0; i < bins; i++) {
      actual += s.actualL[i];
      expected += s.expectedL[i];
      trips += s.trips[i];
    }
    if (trips < options.driftMinTrips() || !(expected > 0)) {
      return Double.NaN;
    }
    return (actual / expected - 1) * 100;
  }

  /** The conditions of a trip, in model order; index 0 is the intercept's 1. */
  static double[] features(Trip trip) {
    double hoursPer100Km = trip.durationS() / 3600 / trip.distanceKm() * 100;
    double air =
        Double.isNaN(trip.meanAirTemperatureC()) ? DEFAULT_AIR_C : trip.meanAirTemperatureC();
    double coldness =
        Math.max(0, OPERATING_C - air) / OPERATING_C * Math.min(1, WARM_UP_S / trip.durationS());
    return new double[] {1, hoursPer100Km, trip.stopAndGoIndex(), trip.highwayShare(), coldness};
  }

  private static int index(int i, int j) {
    if (i > j) {
      return index(j, i);
    }
    // Row i of the upper triangle starts after the i previous rows of lengths n, n-1, ...
    return i * FEATURES - i * (i - 1) / 2 + (j - i);
  }

  /** Gaussian elimination with partial pivoting on an augmented n × (n+1) matrix. */
  static double[] solve(double[][] a) {
    int n = a.length;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[pivot];
      a[pivot] = tmp;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = a[r][n];
      for (int k = r + 1; k < n; k++) {
        sum -= a[r][k] * x[k];
      }
      x[r] = sum / a[r][r];
    }
    return x;
  }
}
