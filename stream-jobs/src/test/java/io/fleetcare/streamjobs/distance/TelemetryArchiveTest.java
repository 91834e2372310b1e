package io.fleetcare.streamjobs.distance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.core.wire.DecodeResult;
import io.fleetcare.core.wire.PayloadCodec;
import io.fleetcare.core.wire.TelemetryMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TelemetryArchiveTest {
  private static final String VIN = "1HGCM82633A004352";
  private static final String TOPIC = "fleet/" + VIN + "/telemetry";
  private static final String PLAIN =
      """
      {"v":1,"vin":"1HGCM82633A004352","seq":7,"gateway":{"fw":"2.1"},
       "samples":[{"ts":1763805600000,"signals":{"Vehicle.Speed":54.20,"Acme.Wiper":"on"}}]}""";

  private final PayloadCodec codec = new PayloadCodec();
  private final TelemetryArchive archive = new TelemetryArchive(codec);
  private final ObjectMapper json = new ObjectMapper();

  private TelemetryMessage decode(String payload) {
    return (TelemetryMessage)
        ((DecodeResult.Accepted) codec.decode(TOPIC, payload.getBytes(StandardCharsets.UTF_8)))
            .message();
  }

  @Test
  void aKeptPayloadIsArchivedAsReceived() {
    assertThat(archive.json(decode(PLAIN))).isEqualTo(PLAIN);
  }

  @Test
  void itMeansTheSameJsonAsEncodingTheMessageAgain() throws Exception {
    TelemetryMessage m = decode(PLAIN);
    TelemetryMessage built =
        new TelemetryMessage(m.version(), m.vin(), m.seq(), m.samples(), m.extraFields());
    assertThat(json.readTree(archive.json(m))).isEqualTo(json.readTree(archive.json(built)));
  }

  @Test
  void personalDataIsDroppedEvenWhenThePayloadWasKept() throws Exception {
    String withLocation =
        PLAIN.replace(
            "\"Vehicle.Speed\":54.20",
            "\"Vehicle.Speed\":54.20,\"Vehicle.CurrentLocation.Latitude\":48.1");
    TelemetryMessage m = decode(withLocation);
    assertThat(m.hasPayload()).isTrue();
    JsonNode archived = json.readTree(archive.json(m));
    JsonNode signals = archived.get("samples").get(0).get("signals");
    assertThat(signals.has("Vehicle.CurrentLocation.Latitude")).isFalse();
    assertThat(signals.get("Vehicle.Speed").doubleValue()).isEqualTo(54.2);
    assertThat(archived.get("gateway").get("fw").asText()).isEqualTo("2.1");
  }
}
