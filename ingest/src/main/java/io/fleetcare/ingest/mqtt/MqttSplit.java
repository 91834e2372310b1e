package io.fleetcare.ingest.mqtt;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One MQTT session of the source: the reader that owns the split connects with {@code clientId}.
 *
 * <p>MQTT has no partitions to split; a split is a client id, so that after a failover the restored
 * reader resumes the same persistent broker session and receives what was left unacknowledged.
 *
 * @param index split number, 0-based
 * @param clientId the MQTT client id, {@code <clientIdPrefix>-<index>}
 */
public record MqttSplit(int index, String clientId) implements SourceSplit {
  public MqttSplit {
    if (index < 0) {
      throw new IllegalArgumentException("split index must not be negative, was " + index);
    }
    Objects.requireNonNull(clientId, "clientId");
  }

  /** The split of number {@code index} under {@code options}. */
  public static MqttSplit of(MqttSourceOptions options, int index) {
    return new MqttSplit(index, options.clientId(index));
  }

  @Override
  public String splitId() {
    return clientId;
  }
}
