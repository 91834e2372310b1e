package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSplitSerializerTest {
  private final MqttSplitSerializer splits = MqttSplitSerializer.INSTANCE;
  private final MqttEnumeratorStateSerializer states = MqttEnumeratorStateSerializer.INSTANCE;

  @Test
  void splitRoundTrips() throws IOException {
    MqttSplit split = new MqttSplit(7, "fleetcare-ingest-7");

    MqttSplit copy = splits.deserialize(splits.getVersion(), splits.serialize(split));

    assertThat(copy).isEqualTo(split);
    assertThat(copy.splitId()).isEqualTo("fleetcare-ingest-7");
  }

  @Test
  void splitKeepsNonAsciiClientIds() throws IOException {
    MqttSplit split = new MqttSplit(0, "flotte-ä-0");

    assertThat(splits.deserialize(1, splits.serialize(split))).isEqualTo(split);
  }

  @Test
  void splitRejectsUnknownVersionsAndCorruptBytes() throws IOException {
    byte[] bytes = splits.serialize(new MqttSplit(1, "c-1"));

    assertThatThrownBy(() -> splits.deserialize(2, bytes)).hasMessageContaining("version 2");
    assertThatThrownBy(() -> splits.deserialize(1, Arrays.copyOf(bytes, bytes.length + 1)))
        .hasMessageContaining("trailing bytes");
    assertThatThrownBy(() -> splits.deserialize(1, Arrays.copyOf(bytes, 3)))
        .isInstanceOf(IOException.class);
    byte[] negative = bytes.clone();
    negative[0] = (byte) 0xFF;
    assertThatThrownBy(() -> splits.deserialize(1, negative))
        .hasMessageContaining("corrupt MqttSplit");
  }

  @Test
  void enumeratorStateRoundTrips() throws IOException {
    MqttEnumeratorState state =
        new MqttEnumeratorState(4, List.of(new MqttSplit(1, "p-1"), new MqttSplit(3, "p-3")));

    assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
    assertThat(states.deserialize(1, states.serialize(MqttEnumeratorState.initial())))
        .isEqualTo(MqttEnumeratorState.initial());
  }

  @Test
  void enumeratorStateRejectsUnknownVersionsAndCorruptBytes() throws IOException {
    byte[] bytes = states.serialize(new MqttEnumeratorState(2, List.of(new MqttSplit(0, "p-0"))));

    assertThatThrownBy(() -> states.deserialize(9, bytes)).hasMessageContaining("version 9");
    assertThatThrownBy(() -> states.deserialize(1, Arrays.copyOf(bytes, bytes.length + 2)))
        .hasMessageContaining("trailing bytes");
    byte[] tooMany = bytes.clone();
    tooMany[7] = 5;
    assertThatThrownBy(() -> states.deserialize(1, tooMany))
        .hasMessageContaining("5 unassigned of 2 splits");
  }
}
