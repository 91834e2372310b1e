package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttSplitEnumeratorTest {
  private final MqttSourceOptions options =
      MqttSourceOptions.builder("tcp://localhost:1883").clientIdPrefix("job").build();

  @Test
  void givesEachReaderItsOwnClientId() {
    FakeEnumeratorContext context = new FakeEnumeratorContext(3);
    MqttSplitEnumerator enumerator = start(context, MqttEnumeratorState.initial());

    for (int subtask = 0; subtask < 3; subtask++) {
      context.register(subtask);
      enumerator.addReader(subtask);
    }

    assertThat(context.assigned())
        .isEqualTo(
            Map.of(
                0, List.of(new MqttSplit(0, "job-0")),
                1, List.of(new MqttSplit(1, "job-1")),
                2, List.of(new MqttSplit(2, "job-2"))));
    assertThat(enumerator.snapshotState(1)).isEqualTo(new MqttEnumeratorState(3, List.of()));
  }

  @Test
  void keepsSplitsOfReadersNotYetRegisteredInItsState() {
    FakeEnumeratorContext context = new FakeEnumeratorContext(2);
    MqttSplitEnumerator enumerator = start(context, MqttEnumeratorState.initial());
    context.register(1);
    enumerator.addReader(1);

    assertThat(enumerator.snapshotState(1))
        .isEqualTo(new MqttEnumeratorState(2, List.of(new MqttSplit(0, "job-0"))));
  }

  @Test
  void givesAFailedReadersSplitBackToTheSameSubtask() {
    FakeEnumeratorContext context = new FakeEnumeratorContext(2);
    MqttSplitEnumerator enumerator = start(context, MqttEnumeratorState.initial());
    context.register(0);
    context.register(1);
    enumerator.addReader(0);
    enumerator.addReader(1);

    context.fail(1);
    enumerator.addSplitsBack(List.of(new MqttSplit(1, "job-1")), 1);
    assertThat(context.assigned()).doesNotContainKey(1);
    context.register(1);
    enumerator.addReader(1);

    assertThat(context.assigned().get(1)).containsExactly(new MqttSplit(1, "job-1"));
  }

  @Test
  void aRestoredEnumeratorCreatesNoSecondSetOfSplits() {
    FakeEnumeratorContext context = new FakeEnumeratorContext(2);
    // Both splits live in the readers' restored state.
    MqttSplitEnumerator enumerator = start(context, new MqttEnumeratorState(2, List.of()));
    context.register(0);
    context.register(1);
    enumerator.addReader(0);
    enumerator.addReader(1);

    assertThat(context.assigned()).isEmpty();
  }

  @Test
  void aRestoreAtHigherParallelismAddsOnlyTheMissingSplits() {
    FakeEnumeratorContext context = new FakeEnumeratorContext(4);
    MqttSplitEnumerator enumerator = start(context, new MqttEnumeratorState(2, List.of()));
    for (int subtask = 0; subtask < 4; subtask++) {
      context.register(subtask);
      enumerator.addReader(subtask);
    }

    assertThat(context.assigned())
        .isEqualTo(
            Map.of(2, List.of(new MqttSplit(2, "job-2")), 3, List.of(new MqttSplit(3, "job-3"))));
  }

  @Test
  void aRestoreAtLowerParallelismStillAssignsEveryUnassignedSplit() {
    FakeEnumeratorContext context = new FakeEnumeratorContext(2);
    MqttSplitEnumerator enumerator =
        start(
            context,
            new MqttEnumeratorState(
                4, List.of(new MqttSplit(2, "job-2"), new MqttSplit(3, "job-3"))));
    context.register(0);
    context.register(1);
    enumerator.addReader(0);
    enumerator.addReader(1);

    assertThat(context.assigned())
        .isEqualTo(
            Map.of(0, List.of(new MqttSplit(2, "job-2")), 1, List.of(new MqttSplit(3, "job-3"))));
  }

  private MqttSplitEnumerator start(FakeEnumeratorContext context, MqttEnumeratorState state) {
    MqttSplitEnumerator enumerator = new MqttSplitEnumerator(context, options, state);
    enumerator.start();
    return enumerator;
  }
}
