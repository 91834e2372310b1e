package io.fleetcare.predictors.series;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.VehicleMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns wire messages (what the gateways publish) into daily condition series per vehicle, for
 * training and offline evaluation: one {@link VehicleSeries} per vehicle, keeping the whole
 * history. Feed it every message in publish order with {@link #accept}. The stream job's predictor
 * operator keeps the same {@link VehicleSeries} per vehicle, so both compute the same series.
 */
public final class TelemetrySeriesCollector {
  private final PayloadCodec codec = new PayloadCodec();
  private final Map<String, VehicleSeries> vehicles = new LinkedHashMap<>();
  private long rejected;

  /** Decodes and takes in one published message; malformed payloads are counted and skipped. */
  public void accept(String topic, byte[] payload) {
    DecodeResult result = codec.decode(topic, payload);
    if (result instanceof DecodeResult.Accepted accepted) {
      accept(accepted.message());
    } else {
      rejected++;
    }
  }

  /** Takes in one decoded message. */
  public void accept(VehicleMessage message) {
    vehicles.computeIfAbsent(message.vin(), VehicleSeries::new).accept(message);
  }

  /** Payloads that did not decode. */
  public long rejected() {
    return rejected;
  }

  /** The VINs seen, in order of first appearance. */
  public List<String> vins() {
    return List.copyOf(vehicles.keySet());
  }

  /** The series of {@code vin} (only the indicators it has data for). */
  public List<ConditionSeries> series(String vin) {
    VehicleSeries s = vehicles.get(vin);
    return s == null ? List.of() : s.series();
  }

  /** The context of {@code vin}. */
  public VehicleContext context(String vin) {
    VehicleSeries s = vehicles.get(vin);
    return s == null ? VehicleContext.unknown(vin) : s.context();
  }
}
