package io.fleetcare.ingest.decode;

import io.fleetcare.core.wire.DecodeLimits;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.VehicleMessage;
import io.fleetcare.ingest.mqtt.MqttRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes received MQTT messages with the wire-contract codec. Valid messages go to the main
 * output; everything else goes to {@link #DEAD_LETTERS} with its reason. Never throws on bad input.
 *
 * <p>Metrics: {@code messagesDecoded}, {@code deadLetters}, and {@code deadLetters} under the group
 * {@code reason=<REASON>} for each reason seen.
 */
public final class VehicleMessageDecoder extends ProcessFunction<MqttRecord, VehicleMessage> {
  private static final long serialVersionUID = 1L;

  /** Side output of every message that was not accepted. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters") {
        private static final long serialVersionUID = 1L;
      };

  private static final int MAX_DETAIL_LENGTH = 500;

  // DecodeLimits is not Serializable; the function ships its values and rebuilds it in open().
  private final int maxPayloadBytes;
  private final int maxBatchSize;
  private final int maxSignalsPerSample;
  private final long minEventTimeMs;
  private final long maxEventTimeMs;
  private transient PayloadCodec codec;
  private transient Counter decoded;
  private transient Counter deadLetters;
  private transient Map<String, Counter> deadLettersByReason;
  private transient MetricGroup metrics;

  /** A decoder with {@link DecodeLimits#DEFAULT}. */
  public VehicleMessageDecoder() {
    this(DecodeLimits.DEFAULT);
  }

  /** A decoder enforcing {@code limits}. */
  public VehicleMessageDecoder(DecodeLimits limits) {
    Objects.requireNonNull(limits, "limits");
    this.maxPayloadBytes = limits.maxPayloadBytes();
    this.maxBatchSize = limits.maxBatchSize();
    this.maxSignalsPerSample = limits.maxSignalsPerSample();
    this.minEventTimeMs = limits.minEventTimeMs();
    this.maxEventTimeMs = limits.maxEventTimeMs();
  }

  @Override
  public void open(OpenContext openContext) {
    codec =
        new PayloadCodec(
            new DecodeLimits(
                maxPayloadBytes,
                maxBatchSize,
                maxSignalsPerSample,
                minEventTimeMs,
                maxEventTimeMs));
    metrics = getRuntimeContext().getMetricGroup();
    decoded = metrics.counter("messagesDecoded");
    deadLetters = metrics.counter("deadLetters");
    deadLettersByReason = new HashMap<>();
  }

  @Override
  public void processElement(MqttRecord record, Context ctx, Collector<VehicleMessage> out) {
    DecodeResult result;
    try {
      result = codec.decode(record.topic(), record.payload());
    } catch (RuntimeException | StackOverflowError e) {
      // The codec promises never to throw; if it does anyway, one bad payload must not put the
      // job into a restart loop. The dead letter keeps the payload for the bug report.
      deadLetter(ctx, record, DeadLetter.DECODER_FAILURE, e.toString());
      return;
    }
    switch (result) {
      case DecodeResult.Accepted accepted -> {
        decoded.inc();
        out.collect(accepted.message());
      }
      case DecodeResult.Rejected rejected ->
          deadLetter(ctx, record, rejected.reason().name(), rejected.detail());
    }
  }

  private void deadLetter(Context ctx, MqttRecord record, String reason, String detail) {
    deadLetters.inc();
    deadLettersByReason
        .computeIfAbsent(reason, r -> metrics.addGroup("reason", r).counter("deadLetters"))
        .inc();
    ctx.output(
        DEAD_LETTERS,
        DeadLetter.of(
            record.topic(), reason, abbreviate(detail), record.payload(), record.receivedAtMs()));
  }

  private static String abbreviate(String detail) {
    if (detail == null) {
      return "";
    }
    return detail.length() <= MAX_DETAIL_LENGTH
        ? detail
        : detail.substring(0, MAX_DETAIL_LENGTH - 3) + "...";
  }
}
