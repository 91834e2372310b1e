package io.fleetcare.ingest.mqtt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Checkpoint format of {@link MqttEnumeratorState}: version 1 is {@code int splitsCreated, int
 * count, count x split}.
 */
public final class MqttEnumeratorStateSerializer
    implements SimpleVersionedSerializer<MqttEnumeratorState> {
  /** Shared instance; the serializer has no state. */
  public static final MqttEnumeratorStateSerializer INSTANCE = new MqttEnumeratorStateSerializer();

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(MqttEnumeratorState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeInt(state.splitsCreated());
    out.writeInt(state.unassigned().size());
    for (MqttSplit split : state.unassigned()) {
      MqttSplitSerializer.write(split, out);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public MqttEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown MqttEnumeratorState serialization version " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    int splitsCreated = in.readInt();
    int count = in.readInt();
    if (count < 0 || count > splitsCreated) {
      throw new IOException(
          "corrupt MqttEnumeratorState: " + count + " unassigned of " + splitsCreated + " splits");
    }
    List<MqttSplit> unassigned = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      unassigned.add(MqttSplitSerializer.read(in));
    }
    if (in.available() != 0) {
      throw new IOException("trailing bytes after MqttEnumeratorState");
    }
    return new MqttEnumeratorState(splitsCreated, unassigned);
  }
}
