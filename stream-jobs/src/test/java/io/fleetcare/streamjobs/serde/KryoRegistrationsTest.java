package io.fleetcare.streamjobs.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.core.signal.SignalCatalogue;
import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import io.fleetcare.core.workorder.WorkOrderType;
import io.fleetcare.streamjobs.planner.ComponentForecast;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class KryoRegistrationsTest {
  private static final String VIN = "1FCAA11T5B0000001";

  private static <T> TypeSerializer<T> serializer(Class<T> type) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    KryoRegistrations.register(env);
    return TypeInformation.of(type).createSerializer(env.getConfig().getSerializerConfig());
  }

  private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  private static <T> T read(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
    return serializer.deserialize(new DataInputDeserializer(bytes));
  }

  /** The facts records the fuel and mileage operators receive, one of each kind. */
  private static List<VehicleMessage> facts() {
    return List.of(
        new TelemetryMessage(
            VIN,
            7,
            List.of(
                new Sample(1_780_000_000_000L, Map.of(SignalCatalogue.TRAVELED_DISTANCE, 1.5e7)))),
        new EventMessage(
            1,
            VIN,
            8,
            List.of(
                new VehicleEvent.IgnitionOn(1_780_000_000_000L),
                new VehicleEvent.EngineStart(1_780_000_000_100L, 10.2),
                new VehicleEvent.DtcSet(1_780_000_000_200L, "P0301"),
                new VehicleEvent.DtcCleared(1_780_000_000_300L, "P0301"),
                new VehicleEvent.ServicePerformed(1_780_000_000_400L, "BRAKE_PADS", 41_000.5),
                new VehicleEvent.Other(1_780_000_000_500L, "DOOR_OPEN", Map.of("door", "\"FL\"")),
                new VehicleEvent.IgnitionOff(1_780_000_000_600L)),
            Map.of()),
        new VehicleProfile(
            1,
            VIN,
            VehicleProfile.Powertrain.HEV,
            VehicleProfile.FuelType.PETROL,
            1.8,
            1_420,
            2021,
            "D001",
            true,
            Map.of()));
  }

  @Test
  void factsRecordsCrossAShuffleWithoutClassNames() throws IOException {
    TypeSerializer<VehicleMessage> serializer = serializer(VehicleMessage.class);
    for (VehicleMessage message : facts()) {
      byte[] bytes = bytes(serializer, message);

      assertThat(read(serializer, bytes)).isEqualTo(message);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("io.fleetcare").doesNotContain("java.");
    }
  }

  @Test
  void theOdometerFactIsLessThanHalfWhatItWas() throws IOException {
    // 274 bytes before the classes were registered, mostly class names; 78 with them (the VIN and
    // the signal path are most of what is left).
    byte[] bytes = bytes(serializer(VehicleMessage.class), facts().get(0));

    assertThat(bytes.length).isLessThan(100);
  }

  @Test
  void forecastDatesAreNumberedToo() throws IOException {
    TypeSerializer<ComponentForecast> serializer = serializer(ComponentForecast.class);
    ComponentForecast forecast =
        new ComponentForecast(
            VIN,
            WorkOrderType.BRAKE_PADS,
            1_780_000_000_000L,
            LocalDate.parse("2026-12-20"),
            LocalDate.parse("2026-12-18"),
            LocalDate.parse("2026-12-23"),
            0.8,
            "{}",
            "fc-test");

    byte[] bytes = bytes(serializer, forecast);

    assertThat(read(serializer, bytes)).isEqualTo(forecast);
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("java.time");
  }
}
