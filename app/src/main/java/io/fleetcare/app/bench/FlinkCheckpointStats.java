package io.fleetcare.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the latest completed checkpoint's size from the local Flink's REST API ({@code
 * /jobs/:id/checkpoints}), in total and per operator chain. With the default (heap) state backend
 * the checkpoint is a full snapshot of every operator's keyed and operator state, timers included,
 * as serialized by the state's serializers: the bytes a vehicle costs when state moves or is
 * restored.
 */
final class FlinkCheckpointStats {
  /** One completed checkpoint: its id, total bytes and bytes per operator chain (by name). */
  record Checkpoint(long id, long stateBytes, Map<String, Long> bytesByOperator) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  FlinkCheckpointStats(int restPort, String jobId) {
    this.base = "http://127.0.0.1:" + restPort + "/jobs/" + jobId;
  }

  /** The latest completed checkpoint, or null when none has completed yet. */
  Checkpoint latest() throws Exception {
    JsonNode completed = get("/checkpoints").path("latest").path("completed");
    if (completed.isMissingNode() || completed.isNull()) {
      return null;
    }
    long id = completed.path("id").asLong();
    long size = completed.path("state_size").asLong(completed.path("checkpointed_size").asLong());
    Map<String, String> names = new HashMap<>();
    for (JsonNode v : get("").path("vertices")) {
      names.put(v.path("id").asText(), v.path("name").asText());
    }
    Map<String, Long> byOperator = new LinkedHashMap<>();
    JsonNode tasks = get("/checkpoints/details/" + id).path("tasks");
    tasks
        .properties()
        .forEach(
            e ->
                byOperator.put(
                    names.getOrDefault(e.getKey(), e.getKey()),
                    e.getValue()
                        .path("state_size")
                        .asLong(e.getValue().path("checkpointed_size").asLong())));
    return new Checkpoint(id, size, byOperator);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Flink REST " + path + " answered " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }
}
