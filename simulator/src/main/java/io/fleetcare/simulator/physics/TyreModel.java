package io.fleetcare.simulator.physics;

/**
 * Four tyres: pressure, temperature, tread.
 *
 * <ul>
 *   <li>Pressure follows the gas law: the pressure set at 20 °C scales with absolute tyre
 *       temperature, so tyres read low on cold mornings and ~8 % high when warm from driving.
 *   <li>Sound tyres seep 1–2.5 % a month; owners top them up now and then. A slow puncture loses a
 *       few kPa a day until the TPMS warning (75 % of nominal, FMVSS 138) gets it repaired.
 *   <li>Tread wears with distance, faster for front (driven, steered) tyres, aggressive drivers and
 *       unpaved roads; a worn tyre is replaced at 3 mm.
 * </ul>
 */
public final class TyreModel {
  /** Service when a tyre is below this fraction of its nominal pressure. */
  public static final double PRESSURE_THRESHOLD = 0.75;

  /** Service when a tyre's tread is below this depth, mm. */
  public static final double TREAD_THRESHOLD_MM = 3.0;

  private static final double REFERENCE_K = 293.15;
  private static final double NEW_TREAD_MM = 8.0;

  private final double nominalKPa;
  private final double seepPerSecond;
  private final double treadMmPerKm;
  private final double[] pressureAt20C = new double[4];
  private final double[] treadMm;
  private final double[] temperatureC = new double[4];
  private int leakingWheel = -1;
  private double leakKPaPerSecond;

  /**
   * @param nominalKPa nominal cold pressure, kPa
   * @param initialTreadMm tread per wheel at the start, mm
   * @param treadMmPer1000Km wear per 1000 km (front-wheel, gentle driving)
   * @param seepPercentPerMonth natural pressure loss of a sound tyre
   * @param styleFactor wear multiplier for driving style and road surface
   */
  public TyreModel(
      double nominalKPa,
      double[] initialTreadMm,
      double treadMmPer1000Km,
      double seepPercentPerMonth,
      double styleFactor) {
    this.nominalKPa = nominalKPa;
    this.treadMm = initialTreadMm.clone();
    this.treadMmPerKm = treadMmPer1000Km / 1000 * styleFactor;
    this.seepPerSecond = seepPercentPerMonth / 100 / (30.44 * 86_400);
    java.util.Arrays.fill(pressureAt20C, nominalKPa);
  }

  /** Sets all tyres to the ambient temperature (after parking). */
  public void settle(double ambientC) {
    java.util.Arrays.fill(temperatureC, ambientC);
  }

  /** Pressure loss over {@code seconds}: seepage on every tyre, the slow leak on one. */
  public void lose(double seconds) {
    for (int i = 0; i < 4; i++) {
      pressureAt20C[i] -= pressureAt20C[i] * seepPerSecond * seconds;
    }
    if (leakingWheel >= 0) {
      pressureAt20C[leakingWheel] =
          Math.max(0, pressureAt20C[leakingWheel] - leakKPaPerSecond * seconds);
    }
  }

  /** One second of driving at {@code speedKmh} with {@code accelMs2} magnitude. */
  public void drive(double speedKmh, double accelMs2, double ambientC) {
    double km = speedKmh / 3600;
    // Hard acceleration and braking scrub the tread: +30 % per 1 m/s².
    double scrub = km * treadMmPerKm * (1 + 0.3 * Math.abs(accelMs2));
    treadMm[0] -= scrub * 1.25;
    treadMm[1] -= scrub * 1.25;
    treadMm[2] -= scrub * 0.8;
    treadMm[3] -= scrub * 0.8;
    double warmC = ambientC + 8 + 0.18 * speedKmh;
    for (int i = 0; i < 4; i++) {
      temperatureC[i] += (warmC - temperatureC[i]) / 600.0;
    }
  }

  /** Measured pressure of wheel {@code i} at its current temperature, kPa. */
  public double pressureKPa(int wheel) {
    return pressureAt20C[wheel] * (temperatureC[wheel] + 273.15) / REFERENCE_K;
  }

  /** The wheel with the lowest measured pressure. */
  public int lowestWheel() {
    int low = 0;
    for (int i = 1; i < 4; i++) {
      if (pressureKPa(i) < pressureKPa(low)) {
        low = i;
      }
    }
    return low;
  }

  public double temperatureC(int wheel) {
    return temperatureC[wheel];
  }

  public double treadMm(int wheel) {
    return treadMm[wheel];
  }

  /** The wheel with the least tread. */
  public int mostWorn() {
    int worst = 0;
    for (int i = 1; i < 4; i++) {
      if (treadMm[i] < treadMm[worst]) {
        worst = i;
      }
    }
    return worst;
  }

  public double nominalKPa() {
    return nominalKPa;
  }

  /** Starts a slow leak on {@code wheel}. */
  public void startLeak(int wheel, double kPaPerDay) {
    leakingWheel = wheel;
    leakKPaPerSecond = kPaPerDay / 86_400;
  }

  /** Whether a slow leak is active. */
  public boolean leaking() {
    return leakingWheel >= 0;
  }

  /** The owner pumps every tyre back to nominal. */
  public void topUp() {
    java.util.Arrays.fill(pressureAt20C, nominalKPa);
  }

  /** A puncture repair on the leaking tyre, and all tyres set to nominal. */
  public void repairLeak() {
    leakingWheel = -1;
    topUp();
  }

  /** Four new tyres (which also ends any leak). */
  public void replace() {
    java.util.Arrays.fill(treadMm, NEW_TREAD_MM);
    leakingWheel = -1;
    topUp();
  }
}
