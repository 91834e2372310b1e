package io.fleetcare.streamjobs.battery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.streamjobs.brake.BrakeWearState;
import io.fleetcare.streamjobs.fault.FaultCodeState;
import io.fleetcare.streamjobs.tyre.TyreState;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Every signal state is a Flink POJO (no Kryo), and all of them together stay under 4 KB. */
class StatePojoTest {
  @Test
  void statesArePojosAndSmall() throws Exception {
    List<Object> fresh =
        List.of(
            new Battery12VState(),
            new TractionBatteryState(),
            new BrakeWearState(),
            new TyreState(),
            filledFaultState());
    int total = 0;
    for (Object state : fresh) {
      @SuppressWarnings("unchecked")
      TypeInformation<Object> type = (TypeInformation<Object>) TypeInformation.of(state.getClass());
      assertThat(type).as(state.getClass().getSimpleName()).isInstanceOf(PojoTypeInfo.class);
      TypeSerializer<Object> serializer = type.createSerializer(new SerializerConfigImpl());
      DataOutputSerializer bytes = new DataOutputSerializer(256);
      serializer.serialize(state, bytes);
      System.out.printf("%s: %d bytes%n", state.getClass().getSimpleName(), bytes.length());
      total += bytes.length();
    }
    System.out.printf("all signal states of one vehicle: %d bytes%n", total);
    assertThat(total).isLessThan(4096);
  }

  private static FaultCodeState filledFaultState() {
    FaultCodeState s = new FaultCodeState();
    for (int i = 0; i < s.codes.length; i++) {
      s.codes[i] = "P030" + i;
    }
    return s;
  }
}
