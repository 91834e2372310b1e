package io.fleetcare.streamjobs.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.predictors.series.VehicleSeries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.junit.jupiter.api.Test;

class VehicleSeriesSerializerTest {
  private static final String VIN = "1FCAA11T5B0000001";

  private static VehicleSeries series() {
    VehicleSeries s = new VehicleSeries(VIN);
    long t0 = Instant.parse("2026-03-01T08:00:00Z").toEpochMilli();
    for (int day = 0; day < 3; day++) {
      long ts = t0 + day * 86_400_000L;
      s.accept(
          new TelemetryMessage(
              VIN,
              day + 1,
              List.of(
                  new Sample(
                      ts,
                      Map.of(
                          SignalCatalogue.TRAVELED_DISTANCE,
                          1_000_000.0 + day * 40_000,
                          SignalCatalogue.SPEED,
                          50.0)))));
    }
    return s;
  }

  @Test
  void flinkCopiesTheSeriesDeeplyThroughItsCompactForm() {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.registerTypeWithKryoSerializer(VehicleSeries.class, VehicleSeriesSerializer.class);
    TypeSerializer<VehicleSeries> serializer = new KryoSerializer<>(VehicleSeries.class, config);
    VehicleSeries original = series();

    VehicleSeries copy = serializer.copy(original);

    assertThat(copy).isNotSameAs(original);
    assertThat(copy.encode()).isEqualTo(original.encode());
    assertThat(copy.dayCount()).isEqualTo(3);
    // A deep copy: the original moving on leaves the copy as it was.
    original.accept(
        new TelemetryMessage(
            VIN,
            4,
            List.of(
                new Sample(
                    Instant.parse("2026-03-09T08:00:00Z").toEpochMilli(),
                    Map.of(SignalCatalogue.SPEED, 10.0)))));
    assertThat(copy.dayCount()).isEqualTo(3);
    assertThat(new VehicleSeriesSerializer().copy(null, original).encode())
        .isEqualTo(original.encode());
  }
}
