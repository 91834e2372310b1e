package io.fleetcare.ingest.mqtt;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Checkpoint format of {@link MqttSplit}: version 1 is {@code int index, UTF clientId}. */
public final class MqttSplitSerializer implements SimpleVersionedSerializer<MqttSplit> {
  /** Shared instance; the serializer has no state. */
  public static final MqttSplitSerializer INSTANCE = new MqttSplitSerializer();

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(MqttSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(32);
    write(split, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public MqttSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown MqttSplit serialization version " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    MqttSplit split = read(in);
    if (in.available() != 0) {
      throw new IOException("trailing bytes after MqttSplit");
    }
    return split;
  }

  static void write(MqttSplit split, DataOutputView out) throws IOException {
    out.writeInt(split.index());
    out.writeUTF(split.clientId());
  }

  static MqttSplit read(DataInputView in) throws IOException {
    int index = in.readInt();
    String clientId = in.readUTF();
    try {
      return new MqttSplit(index, clientId);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt MqttSplit: " + e.getMessage(), e);
    }
  }
}
