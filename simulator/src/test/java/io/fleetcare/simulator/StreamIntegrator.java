package io.fleetcare.simulator;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stream job does with the published samples, reduced to a test helper: per vehicle, sort
 * samples by time, split trips at gaps, integrate speed (trapezoid) and fuel rate or MAF.
 */
final class StreamIntegrator {
  record Totals(double distanceKm, double fuelL, List<List<Sample>> trips) {}

  static Map<String, Totals> integrate(List<CollectingSink.Sent> messages) {
    PayloadCodec codec = new PayloadCodec();
    Map<String, VehicleProfile> profiles = new HashMap<>();
    Map<String, List<Sample>> samples = new HashMap<>();
    for (CollectingSink.Sent m : messages) {
      DecodeResult r = codec.decode(m.topic(), m.payload());
      if (!(r instanceof DecodeResult.Accepted a)) {
        throw new AssertionError("rejected " + m.topic() + ": " + r);
      }
      switch (a.message()) {
        case VehicleProfile p -> profiles.put(p.vin(), p);
        case TelemetryMessage t ->
            samples.computeIfAbsent(t.vin(), v -> new ArrayList<>()).addAll(t.samples());
        default -> {}
      }
    }
    Map<String, Totals> totals = new HashMap<>();
    samples.forEach(
        (vin, list) -> {
          list.sort((x, y) -> Long.compare(x.tsMs(), y.tsMs()));
          VehicleProfile p = profiles.get(vin);
          double afr = p.fuel() == VehicleProfile.FuelType.DIESEL ? 14.5 : 14.7;
          double density = p.fuel() == VehicleProfile.FuelType.DIESEL ? 832 : 745;
          List<List<Sample>> trips = new ArrayList<>();
          double km = 0;
          double litres = 0;
          Sample prev = null;
          for (Sample s : list) {
            if (prev == null || s.tsMs() - prev.tsMs() > 3_600_000L) {
              trips.add(new ArrayList<>());
              prev = null;
            }
            trips.getLast().add(s);
            if (prev != null && s.tsMs() - prev.tsMs() <= 3_600_000L) {
              double dtH = (s.tsMs() - prev.tsMs()) / 3_600_000.0;
              km +=
                  dtH
                      * (prev.valueOr(SignalCatalogue.SPEED, 0)
                          + s.valueOr(SignalCatalogue.SPEED, 0))
                      / 2;
              litres += dtH * (lph(prev, afr, density) + lph(s, afr, density)) / 2;
            }
            prev = s;
          }
          totals.put(vin, new Totals(km, litres, trips));
        });
    return totals;
  }

  private static double lph(Sample s, double afr, double density) {
    if (s.has(SignalCatalogue.FUEL_RATE)) {
      return s.valueOr(SignalCatalogue.FUEL_RATE, 0);
    }
    return s.valueOr(SignalCatalogue.MAF, 0) / afr / density * 3600;
  }
}
