package io.fleetcare.streamjobs.serde;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Kryo cannot rebuild the JDK's unmodifiable lists (it instantiates them and calls {@code add});
 * the wire records hold such lists, so this writes the elements and reads them back into an
 * unmodifiable list of the same order.
 */
public final class UnmodifiableListSerializer extends Serializer<List<Object>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public UnmodifiableListSerializer() {
    super(false, true);
  }

  @Override
  public void write(Kryo kryo, Output output, List<Object> list) {
    output.writeVarInt(list.size(), true);
    for (Object element : list) {
      kryo.writeClassAndObject(output, element);
    }
  }

  @Override
  public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
    int size = input.readVarInt(true);
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(kryo.readClassAndObject(input));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public List<Object> copy(Kryo kryo, List<Object> original) {
    return original;
  }
}
