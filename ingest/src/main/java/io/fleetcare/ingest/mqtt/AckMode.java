package io.fleetcare.ingest.mqtt;

/**
 * When the source acknowledges (PUBACK) a QoS 1 message to the broker.
 *
 * <p>A Flink source reader cannot see whether the job has checkpointing enabled, so the job says
 * which mode it wants; {@link #forCheckpointing(boolean)} picks the right one from the job's
 * checkpoint configuration.
 */
public enum AckMode {
  /**
   * Acknowledge a message only once a checkpoint taken after it was emitted has completed. The
   * broker redelivers everything not yet covered by a completed checkpoint after a failure, so
   * delivery is at-least-once. Requires checkpointing: without it nothing is ever acknowledged, the
   * broker's in-flight window (the receive maximum) fills and the stream stalls.
   */
  AFTER_CHECKPOINT,
  /**
   * Acknowledge a message as soon as it has been emitted downstream. For jobs without
   * checkpointing: messages emitted but not yet fully processed when the job fails are lost.
   */
  AFTER_EMIT;

  /** {@link #AFTER_CHECKPOINT} when the job checkpoints, else {@link #AFTER_EMIT}. */
  public static AckMode forCheckpointing(boolean checkpointingEnabled) {
    return checkpointingEnabled ? AFTER_CHECKPOINT : AFTER_EMIT;
  }
}
