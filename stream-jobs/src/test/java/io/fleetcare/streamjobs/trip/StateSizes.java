package io.fleetcare.streamjobs.trip;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Test helper: whether a state class is a Flink POJO, and the serialized size of a value. */
public final class StateSizes {
  private StateSizes() {}

  public static boolean isPojo(Class<?> type) {
    return TypeInformation.of(type) instanceof PojoTypeInfo;
  }

  /** Bytes of {@code value} under the serializer Flink's keyed state would use. */
  @SuppressWarnings("unchecked")
  public static <T> int serializedBytes(T value) throws Exception {
    TypeSerializer<T> serializer =
        TypeInformation.of((Class<T>) value.getClass())
            .createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return out.length();
  }
}
