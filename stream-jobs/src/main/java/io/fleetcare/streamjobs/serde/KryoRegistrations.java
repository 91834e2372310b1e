package io.fleetcare.streamjobs.serde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Teaches Flink's Kryo fallback the JDK's immutable collections, which the wire records and signal
 * records use. Without it a record that crosses a shuffle fails to deserialize. The predictor's
 * per-vehicle series state is written in its own compact form.
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
