package io.fleetcare.core.workorder;

import java.io.Serializable;

/**
 * A vehicle position in WGS84 degrees. Personal data: stored encrypted, masked by role.
 *
 * @param latitude degrees, -90..90
 * @param longitude degrees, -180..180
 */
public record GeoPoint(double latitude, double longitude) implements Serializable {
  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "location out of range: " + latitude + ", " + longitude + " (degrees)");
    }
  }

  /** Rounded to one decimal degree (about 11 km north-south), for masked views. */
  public GeoPoint coarse() {
    return new GeoPoint(Math.round(latitude * 10) / 10.0, Math.round(longitude * 10) / 10.0);
  }
}
