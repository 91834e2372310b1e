package io.fleetcare.ingest.mqtt;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Unbounded Flink source over MQTT 5 (Eclipse Paho), one persistent broker session per parallel
 * reader.
 *
 * <p>Each reader subscribes (QoS 1 by default) to the configured filters, as a shared subscription
 * when a group is set, and acknowledges messages according to {@link MqttSourceOptions#ackMode()}.
 * With {@link AckMode#AFTER_CHECKPOINT} delivery is at-least-once across failures and restarts; the
 * job dedups by (vin, seq) for an exactly-once effect. See {@code docs/ingest.md}.
 *
 * <pre>{@code
 * env.enableCheckpointing(10_000);
 * MqttSourceOptions options = MqttSourceOptions.builder("tcp://broker:1883").build();
 * env.fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "mqtt")
 *     .uid("mqtt-source");
 * }</pre>
 */
public final class MqttSource
    implements Source<MqttRecord, MqttSplit, MqttEnumeratorState>, ResultTypeQueryable<MqttRecord> {
  private static final long serialVersionUID = 1L;

  private final MqttSourceOptions options;

  public MqttSource(MqttSourceOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The options this source was built with. */
  public MqttSourceOptions options() {
    return options;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<MqttRecord, MqttSplit> createReader(SourceReaderContext readerContext) {
    return new MqttSourceReader(options, readerContext);
  }

  @Override
  public SplitEnumerator<MqttSplit, MqttEnumeratorState> createEnumerator(
      SplitEnumeratorContext<MqttSplit> enumContext) {
    return new MqttSplitEnumerator(enumContext, options, MqttEnumeratorState.initial());
  }

  @Override
  public SplitEnumerator<MqttSplit, MqttEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<MqttSplit> enumContext, MqttEnumeratorState checkpoint) {
    return new MqttSplitEnumerator(enumContext, options, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<MqttSplit> getSplitSerializer() {
    return MqttSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<MqttEnumeratorState> getEnumeratorCheckpointSerializer() {
    return MqttEnumeratorStateSerializer.INSTANCE;
  }

  @Override
  public TypeInformation<MqttRecord> getProducedType() {
    return TypeInformation.of(MqttRecord.class);
  }
}
