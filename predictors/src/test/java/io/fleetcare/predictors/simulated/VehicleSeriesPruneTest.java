package io.fleetcare.predictors.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.predictors.series.ConditionPoint;
import io.fleetcare.predictors.series.ConditionSeries;
import io.fleetcare.predictors.series.TelemetrySeriesCollector;
import io.fleetcare.predictors.series.VehicleSeries;
import io.fleetcare.simulator.FleetSimulator;
import io.fleetcare.simulator.SimulatorOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream job keeps a bounded {@link VehicleSeries} per vehicle (pruned to its history), the
 * training collector the whole history: over the window the forecasters read, both must give the
 * same series, and the compact encoding must give the state back unchanged.
 */
class VehicleSeriesPruneTest {
  private static final int HISTORY_DAYS = 130;
  private static final long DAY_MS = 86_400_000L;

  @Test
  void aPrunedSeriesEqualsTheWholeHistoryOverTheWindowAndSurvivesEncoding() throws Exception {
    SimulatorOptions options =
        SimulatorOptions.builder()
            .seed(9061)
            .vehicles(6)
            .days(220)
            .sampleIntervalS(300)
            .samplesPerMessage(12)
            .slowSignalPeriodS(900)
            .threads(1)
            .build();
    TelemetrySeriesCollector whole = new TelemetrySeriesCollector();
    Map<String, VehicleSeries> pruned = new HashMap<>();
    Map<String, Long> lastDay = new HashMap<>();
    PayloadCodec codec = new PayloadCodec();
    new FleetSimulator(options)
        .run(
            (topic, payload, retained) -> {
              whole.accept(topic, payload);
              if (codec.decode(topic, payload) instanceof DecodeResult.Accepted a) {
                VehicleSeries s = pruned.computeIfAbsent(a.message().vin(), VehicleSeries::new);
                long day = s.lastTsMs() == Long.MIN_VALUE ? 0 : s.lastTsMs() / DAY_MS;
                if (lastDay.getOrDefault(s.vin(), -1L) != day) {
                  s.prune(HISTORY_DAYS); // once a day, as the operator does
                  lastDay.put(s.vin(), day);
                }
                s.accept(a.message());
              }
            });

    assertThat(pruned).hasSize(6);
    for (String vin : whole.vins()) {
      VehicleSeries s = pruned.get(vin);
      assertThat(s.dayCount()).isLessThanOrEqualTo(HISTORY_DAYS + 1 + 21);
      Instant from = Instant.ofEpochMilli(s.lastTsMs() - 120 * DAY_MS);
      assertThat(recent(s.series(), from)).isEqualTo(recent(whole.series(vin), from));
      assertThat(s.context().services()).isNotNull();

      VehicleSeries back = VehicleSeries.decode(s.encode());
      assertThat(back.series()).isEqualTo(s.series());
      assertThat(back.context()).isEqualTo(s.context());
      assertThat(back.encode()).isEqualTo(s.encode());
      // 172 bytes per retained day, the rest (VIN, profile, services, the last 6 s of volts) small
      int fixed = s.encode().length - 172 * s.dayCount();
      System.out.printf(
          "%s: %d days, %d bytes (%d fixed)%n", vin, s.dayCount(), s.encode().length, fixed);
      assertThat(fixed).isBetween(0, 1000);
    }
  }

  private static Map<String, List<ConditionPoint>> recent(List<ConditionSeries> all, Instant from) {
    Map<String, List<ConditionPoint>> out = new HashMap<>();
    for (ConditionSeries s : all) {
      List<ConditionPoint> pts = s.points().stream().filter(p -> !p.ts().isBefore(from)).toList();
      if (!pts.isEmpty()) {
        out.put(s.indicator().name(), pts);
      }
    }
    return out;
  }
}
