package io.fleetcare.ingest.testing;

import io.fleetcare.core.wire.Vin;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Random valid VINs, unique per test run so concurrent runs on a shared broker do not collide. */
public final class TestVins {
  private static final String ALLOWED = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

  private TestVins() {}

  /** {@code count} distinct random North American VINs with a correct check digit. */
  public static List<String> random(int count) {
    return random(ThreadLocalRandom.current(), count);
  }

  /** {@code count} distinct VINs drawn from {@code random}, for reproducible fixtures. */
  public static List<String> random(Random random, int count) {
    List<String> vins = new ArrayList<>(count);
    while (vins.size() < count) {
      StringBuilder vin = new StringBuilder("1FC");
      while (vin.length() < Vin.LENGTH) {
        vin.append(ALLOWED.charAt(random.nextInt(ALLOWED.length())));
      }
      String withCheck = Vin.withCheckDigit(vin.toString());
      if (!vins.contains(withCheck)) {
        vins.add(withCheck);
      }
    }
    return vins;
  }
}
