package io.fleetcare.simulator.physics;

/**
 * Brake-pad wear from friction-braking energy. Each second the energy the brakes must shed is the
 * kinetic energy lost beyond what drag, rolling resistance, engine braking and regeneration take;
 * 70 % goes to the front axle (weight transfer). A pad's wear rises in proportion to the energy its
 * wheel dissipates: the usual approximation that wear volume is proportional to friction work
 * (Archard). Electric and hybrid cars regenerate most braking energy, so their pads last far
 * longer.
 */
public final class BrakePadWearModel {
  /** The pad needs replacing at this wear (VSS: 100 = worn). */
  public static final double SERVICE_THRESHOLD_PERCENT = 100;

  private static final double FRONT_SHARE = 0.70;

  private final double[] percentPerMJ;
  private final double[] wearPercent;
  private final double[] gainedPercent = new double[4];
  private double frictionMJ;
  private final double roughRoadFactor;

  /**
   * @param percentPerMJ wear per MJ dissipated at each wheel
   * @param initialWearPercent wear at the start, per wheel
   * @param roughRoad 0..1; dust and grit on unpaved roads wear pads faster
   */
  public BrakePadWearModel(double[] percentPerMJ, double[] initialWearPercent, double roughRoad) {
    this.percentPerMJ = percentPerMJ.clone();
    this.wearPercent = initialWearPercent.clone();
    this.roughRoadFactor = 1 + 0.5 * roughRoad;
  }

  /** Applies one second of friction braking that dissipated {@code frictionJ} joules. */
  public void brake(double frictionJ) {
    if (frictionJ <= 0) {
      return;
    }
    frictionMJ += frictionJ / 1e6;
    double mj = frictionJ / 1e6 * roughRoadFactor;
    double front = mj * FRONT_SHARE / 2;
    double rear = mj * (1 - FRONT_SHARE) / 2;
    for (int w = 0; w < 4; w++) {
      double added = (w < 2 ? front : rear) * percentPerMJ[w];
      wearPercent[w] += added;
      gainedPercent[w] += added;
    }
  }

  /** Wear wheel {@code i} gained since the model was created (across replacements), percent. */
  public double gainedPercent(int wheel) {
    return gainedPercent[wheel];
  }

  /** Friction-braking energy dissipated since the model was created, MJ. */
  public double frictionMJ() {
    return frictionMJ;
  }

  /** Wear of wheel {@code i} (SignalCatalogue.WHEELS order), percent, not capped. */
  public double wearPercent(int wheel) {
    return wearPercent[wheel];
  }

  /** The most worn wheel's index. */
  public int mostWorn() {
    int worst = 0;
    for (int i = 1; i < 4; i++) {
      if (wearPercent[i] > wearPercent[worst]) {
        worst = i;
      }
    }
    return worst;
  }

  /** New pads on every wheel. */
  public void replace() {
    java.util.Arrays.fill(wearPercent, 0);
  }
}
