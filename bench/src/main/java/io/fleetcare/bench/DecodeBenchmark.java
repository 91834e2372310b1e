package io.fleetcare.bench;

import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import io.fleetcare.streamjobs.distance.TelemetryArchive;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wire codec on simulated telemetry messages (10 samples each): what the job's {@code decode}
 * operator (ingest's VehicleMessageDecoder) spends per message, and what a gateway or the bench's
 * load generator spends encoding one. One operation = one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
  private final PayloadCodec codec = new PayloadCodec();
  private final TelemetryArchive archive = new TelemetryArchive(codec);
  private int next;

  @Benchmark
  public DecodeResult decodeTelemetry(SimulatedFleet fleet) {
    SimulatedFleet.Published p = fleet.telemetryPayloads.get(next);
    next = next + 1 == fleet.telemetryPayloads.size() ? 0 : next + 1;
    return codec.decode(p.topic(), p.payload());
  }

  @Benchmark
  public byte[] encodeTelemetry(SimulatedFleet fleet) {
    TelemetryMessage m = fleet.telemetry.get(next);
    next = next + 1 == fleet.telemetry.size() ? 0 : next + 1;
    return codec.encode(m);
  }

  /**
   * The archive JSON of a decoded message as the job builds it ({@code TelemetryArchive}): the
   * payload as received when the codec kept it.
   */
  @Benchmark
  public String archiveDecoded(SimulatedFleet fleet) {
    TelemetryMessage m = fleet.telemetry.get(next);
    next = next + 1 == fleet.telemetry.size() ? 0 : next + 1;
    return archive.json(m);
  }

  /** The archive JSON encoded from the message's fields (what every message cost before). */
  @Benchmark
  public String archiveEncoded(SimulatedFleet fleet) {
    TelemetryMessage m = fleet.telemetryWithoutPayload.get(next);
    next = next + 1 == fleet.telemetryWithoutPayload.size() ? 0 : next + 1;
    return archive.json(m);
  }
}
