package io.fleetcare.simulator.physics;

import io.fleetcare.simulator.fleet.Rng;

/**
 * Outside air temperature: a seasonal cycle (central-European: mean 10 °C, ±9 °C, coldest around 20
 * January), a daily cycle (±4.5 °C, coldest at 04:00), and weather: a daily anomaly with a 3 °C
 * spread, shared by the whole fleet and interpolated between days. Each vehicle adds its region's
 * offset. Pure function of the fleet seed and time, so every vehicle sees the same weather.
 */
public final class AmbientTemperatureModel {
  private static final double DAY_MS = 86_400_000.0;
  private static final double MEAN_C = 10;
  private static final double SEASONAL_AMPLITUDE_C = 9;
  private static final double DAILY_AMPLITUDE_C = 4.5;
  private static final double WEATHER_SD_C = 3;

  private final long seed;

  /** Weather drawn from {@code fleetSeed}. */
  public AmbientTemperatureModel(long fleetSeed) {
    this.seed = Rng.derive(fleetSeed, -1, 7);
  }

  /** Air temperature in °C at {@code epochMs} for a car whose region is {@code offsetC} warmer. */
  public double celsius(long epochMs, double offsetC) {
    double days = epochMs / DAY_MS;
    double dayOfYear = days % 365.2425;
    double hour = (days - Math.floor(days)) * 24;
    double seasonal = -SEASONAL_AMPLITUDE_C * Math.cos(2 * Math.PI * (dayOfYear - 20) / 365.2425);
    double daily = -DAILY_AMPLITUDE_C * Math.cos(2 * Math.PI * (hour - 4) / 24);
    long day = (long) Math.floor(days);
    double frac = days - day;
    double weather = anomaly(day) * (1 - frac) + anomaly(day + 1) * frac;
    return MEAN_C + seasonal + daily + weather + offsetC;
  }

  /** A reproducible standard-normal-ish anomaly for a day (sum of uniforms, cheap and smooth). */
  private double anomaly(long day) {
    Rng rng = new Rng(Rng.derive(seed, day, 0));
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += rng.nextDouble();
    }
    return (sum - 2) * Math.sqrt(3) * WEATHER_SD_C;
  }
}
