package io.fleetcare.ingest.mqtt;

import java.util.List;

/**
 * Checkpointed state of the {@link MqttSplitEnumerator}.
 *
 * @param splitsCreated how many splits (0 .. n-1) exist; splits are only ever added, so a client id
 *     stays with the job for its life
 * @param unassigned splits that no reader owns at the checkpoint (assigned ones are in the readers'
 *     state)
 */
public record MqttEnumeratorState(int splitsCreated, List<MqttSplit> unassigned) {
  public MqttEnumeratorState {
    if (splitsCreated < 0) {
      throw new IllegalArgumentException("splitsCreated must not be negative");
    }
    unassigned = List.copyOf(unassigned);
  }

  /** The state of a job that has not created any split yet. */
  public static MqttEnumeratorState initial() {
    return new MqttEnumeratorState(0, List.of());
  }
}
