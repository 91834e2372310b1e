package io.fleetcare.streamjobs.serde;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Like {@link UnmodifiableListSerializer}, for the JDK's unmodifiable maps (order kept). */
public final class UnmodifiableMapSerializer extends Serializer<Map<Object, Object>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public UnmodifiableMapSerializer() {
    super(false, true);
  }

  @Override
  public void write(Kryo kryo, Output output, Map<Object, Object> map) {
    output.writeVarInt(map.size(), true);
    for (Map.Entry<Object, Object> e : map.entrySet()) {
      kryo.writeClassAndObject(output, e.getKey());
      kryo.writeClassAndObject(output, e.getValue());
    }
  }

  @Override
  public Map<Object, Object> read(
      Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
    int size = input.readVarInt(true);
    Map<Object, Object> map = new LinkedHashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public Map<Object, Object> copy(Kryo kryo, Map<Object, Object> original) {
    return original;
  }
}
