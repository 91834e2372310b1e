package io.fleetcare.app.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.replay.ReplaySummary;
import io.fleetcare.streamjobs.signal.Trip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/** Prints what {@code replay --process} found: trips, and the 12 V figures per log. */
public record ReplayReport(
    List<Path> files, List<ReplaySummary> summaries, ReplayProcessing.Results results) {

  public void print(PrintWriter out, boolean json) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode trips = root.putArray("trips");
    for (Trip t : results.tripsInOrder()) {
      ObjectNode n = trips.addObject();
      n.put("vin", t.vin());
      n.put("start", Instant.ofEpochMilli(t.startMs()).toString());
      n.put("end", Instant.ofEpochMilli(t.endMs()).toString());
      n.put("distance_km", round(t.distanceKm(), 3));
      // A log with neither fuel rate nor MAF cannot tell the fuel: null, not zero.
      if (t.fuelL() > 0) {
        n.put("fuel_l", round(t.fuelL(), 3));
      } else {
        n.putNull("fuel_l");
      }
      double per100 = t.litresPer100Km();
      if (Double.isNaN(per100) || t.fuelL() <= 0) {
        n.putNull("l_per_100km");
      } else {
        n.put("l_per_100km", round(per100, 2));
      }
    }
    ArrayNode logs = root.putArray("logs");
    for (int i = 0; i < files.size(); i++) {
      ReplaySummary s = summaries.get(i);
      ObjectNode n = logs.addObject();
      n.put("file", files.get(i).getFileName().toString());
      n.put("samples", s.samples());
      if (s.firstSampleTime() == null) {
        n.putNull("resting_v");
        n.putNull("charging_v");
        n.putNull("cranking_min_v");
        continue;
      }
      ReplayProcessing.Battery12VFigures b =
          results.battery12V(s.firstSampleTime(), s.lastSampleTime());
      put(n, "resting_v", b.restingV());
      put(n, "charging_v", b.chargingV());
      put(n, "cranking_min_v", b.crankingMinV());
    }
    if (json) {
      out.println(mapper.writeValueAsString(root));
      return;
    }
    out.println("trips:");
    root.get("trips").forEach(t -> out.println("  " + t));
    out.println("logs:");
    root.get("logs").forEach(l -> out.println("  " + l));
  }

  private static void put(ObjectNode n, String field, OptionalDouble value) {
    if (value.isPresent()) {
      n.put(field, round(value.getAsDouble(), 3));
    } else {
      n.putNull(field);
    }
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
