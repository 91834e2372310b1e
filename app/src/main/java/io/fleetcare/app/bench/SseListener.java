package io.fleetcare.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the work-order service's live feed ({@code GET /api/events}, server-sent events) as an
 * advisor's browser does, and notes when the first order of each VIN arrived (epoch microseconds).
 */
final class SseListener implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Long> firstOrderAtMicros = new ConcurrentHashMap<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;
  private volatile Stream<String> lines;

  SseListener(int port, String token) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/events?access_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/api/events answered " + response.statusCode());
    }
    lines = response.body();
    reader = Thread.ofPlatform().daemon().name("fleetcare-bench-sse").start(this::read);
    if (!ready.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("/api/events sent no ready event within 10 s");
    }
  }

  private void read() {
    String event = "";
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
          if (event.equals("ready")) {
            ready.countDown();
          }
        } else if (line.startsWith("data:") && event.equals("order")) {
          long at = PacedPublisher.nowMicros();
          JsonNode order = JSON.readTree(line.substring(5));
          firstOrderAtMicros.putIfAbsent(order.path("vin").asText(), at);
        }
      }
    } catch (Exception closed) {
      // the stream ends when the bench closes it
    }
  }

  /** When the first order of {@code vin} arrived, epoch microseconds, or null. */
  Long firstOrderAtMicros(String vin) {
    return firstOrderAtMicros.get(vin);
  }

  int ordersSeen() {
    return firstOrderAtMicros.size();
  }

  @Override
  public void close() {
    Stream<String> s = lines;
    if (s != null) {
      s.close();
    }
    reader.interrupt();
  }
}
