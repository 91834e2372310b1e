package io.fleetcare.streamjobs.serde;

import io.fleetcare.core.wire.EventMessage;
import io.fleetcare.core.wire.Sample;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.core.wire.VehicleProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Teaches Flink's Kryo fallback the JDK's immutable collections, which the wire records and signal
 * records use. Without it a record that crosses a shuffle fails to deserialize. The predictor's
 * per-vehicle series state is written in its own compact form.
 *
 * <p>It also registers every class that reaches Kryo in the job (the vehicle facts stream is typed
 * by the {@link VehicleMessage} interface, and {@code LocalDate} and {@code UUID} fields of POJOs
 * are generic types): Kryo then writes a small number per object instead of the class's name. The
 * bench profile found Kryo writing and reading those names on every facts record, twice per
 * telemetry message (the fuel and mileage operators each receive the facts stream). The numbers
 * follow the order below, so a checkpoint is only readable by a job with the same list: append new
 * classes at the end.
 */
public final class KryoRegistrations {
  private KryoRegistrations() {}

  /** Registers the serializers on {@code env}. */
  public static void register(StreamExecutionEnvironment env) {
    SerializerConfigImpl config = (SerializerConfigImpl) env.getConfig().getSerializerConfig();
    for (Class<?> type : listClasses()) {
      config.addDefaultKryoSerializer(type, UnmodifiableListSerializer.class);
    }
    for (Class<?> type : mapClasses()) {
      config.addDefaultKryoSerializer(type, UnmodifiableMapSerializer.class);
    }
    config.addDefaultKryoSerializer(
        io.fleetcare.predictors.series.VehicleSeries.class, VehicleSeriesSerializer.class);
    for (Class<?> type : registeredClasses()) {
      config.registerKryoType(type);
    }
  }

  /** The classes Kryo numbers instead of naming, in registration order. */
  static List<Class<?>> registeredClasses() {
    List<Class<?>> types = new ArrayList<>();
    types.addAll(
        List.of(
            TelemetryMessage.class,
            EventMessage.class,
            VehicleProfile.class,
            VehicleProfile.Powertrain.class,
            VehicleProfile.FuelType.class,
            Sample.class,
            VehicleEvent.IgnitionOn.class,
            VehicleEvent.IgnitionOff.class,
            VehicleEvent.EngineStart.class,
            VehicleEvent.DtcSet.class,
            VehicleEvent.DtcCleared.class,
            VehicleEvent.ServicePerformed.class,
            VehicleEvent.Other.class,
            byte[].class,
            LocalDate.class,
            UUID.class,
            ArrayList.class,
            LinkedHashMap.class));
    types.addAll(listClasses());
    types.addAll(mapClasses());
    return types;
  }

  /** The concrete classes behind List.of, List.copyOf, Stream.toList and unmodifiableList. */
  static List<Class<?>> listClasses() {
    return distinct(
        List.of().getClass(),
        List.of(1).getClass(),
        List.of(1, 2, 3).getClass(),
        List.of(1).stream().toList().getClass(),
        Collections.unmodifiableList(new ArrayList<>()).getClass(),
        Collections.unmodifiableList(new java.util.LinkedList<>()).getClass(),
        Collections.emptyList().getClass(),
        Collections.singletonList(1).getClass());
  }

  /** The concrete classes behind Map.of, Map.copyOf and unmodifiableMap. */
  static List<Class<?>> mapClasses() {
    return distinct(
        Map.of().getClass(),
        Map.of(1, 1).getClass(),
        Map.of(1, 1, 2, 2).getClass(),
        Collections.unmodifiableMap(new LinkedHashMap<>()).getClass(),
        Collections.emptyMap().getClass(),
        Collections.singletonMap(1, 1).getClass());
  }

  private static List<Class<?>> distinct(Class<?>... types) {
    List<Class<?>> result = new ArrayList<>();
    for (Class<?> t : types) {
      if (!result.contains(t)) {
        result.add(t);
      }
    }
    return result;
  }
}
