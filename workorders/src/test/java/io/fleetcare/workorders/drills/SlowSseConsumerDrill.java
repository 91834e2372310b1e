package io.fleetcare.workorders.drills;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.WorkOrderApi;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.http.EventStreamMetrics;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.testing.TestDatabase;
import io.fleetcare.workorders.testing.TestOrders;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drill 4, slow consumer: {@code /api/events} clients that stop reading (raw sockets with a tiny
 * receive buffer) while many orders change. The server must cap what it queues for each of them and
 * disconnect them (counted and logged), while clients that read get every change exactly once.
 */
@ExtendWith(VertxExtension.class)
class SlowSseConsumerDrill {
  private static final int STALLED_CLIENTS = 4;
  private static final int READING_CLIENTS = 2;
  private static final int ORDERS = 4_000;
  private static final int ACKNOWLEDGE_EVERY = 2;
  private static final int CLIENT_RECEIVE_BUFFER_BYTES = 1_024;

  @Test
  void stalledClientsAreCappedAndDroppedWhileReadingClientsGetEveryChange(Vertx vertx)
      throws Exception {
    DrillLedger ledger = new DrillLedger("4 slow SSE consumer");
    try (TestDatabase db = TestDatabase.create()) {
      WorkOrderServiceOptions options =
          WorkOrderServiceOptions.builder(db.jdbcUrl(), EncryptionKey.random())
              .host("127.0.0.1")
              .httpPort(0)
              .escalationCheckInterval(Duration.ofHours(1000))
              .build();
      WorkOrderApi api = WorkOrderApi.start(vertx, options).await(30, TimeUnit.SECONDS);
      try {
        run(api, ledger, options.eventStreamWriteQueueMaxBytes());
      } finally {
        api.close().await(30, TimeUnit.SECONDS);
      }
    }
    ledger.printAndAssert();
  }

  private static void run(WorkOrderApi api, DrillLedger ledger, int queueMaxBytes)
      throws Exception {
    ApiUser advisor = new ApiUser("drill4-advisor", "Drill advisor", Role.ADVISOR, "D401");
    String token = api.createUser(advisor, null).await();
    ledger.put("write queue cap per client (bytes)", queueMaxBytes);

    List<Socket> stalled = new ArrayList<>();
    List<ReadingClient> reading = new ArrayList<>();
    try {
      for (int i = 0; i < STALLED_CLIENTS; i++) {
        stalled.add(stalledClient(api.port(), token));
      }
      for (int i = 0; i < READING_CLIENTS; i++) {
        reading.add(ReadingClient.open(api.port(), token));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> api.eventSubscribers() == STALLED_CLIENTS + READING_CLIENTS);
      ledger.put("stalled clients (never read)", STALLED_CLIENTS);
      ledger.put("reading clients", READING_CLIENTS);

      // many order changes: new orders, then every fifth acknowledged
      List<WorkOrder> orders = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        WorkOrder order = TestOrders.order(TestOrders.vin(400_000 + i), "D401");
        orders.add(order);
        api.submit(order).await();
      }
      long changes = ORDERS;
      for (int i = 0; i < ORDERS; i += ACKNOWLEDGE_EVERY) {
        api.service()
            .act(advisor, orders.get(i).id(), new LifecycleAction.Acknowledge(null))
            .await();
        changes++;
      }
      ledger.put("order changes pushed", changes);
      long expected = changes;

      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> reading.stream().allMatch(c -> c.events.get() >= expected));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.eventStreamMetrics().slowClientsDropped() >= STALLED_CLIENTS);

      EventStreamMetrics.Snapshot metrics = api.eventStreamMetrics();
      ledger.put("metric slowClientsDropped", metrics.slowClientsDropped());
      ledger.put("metric eventsSent", metrics.eventsSent());
      ledger.check(
          "stalled clients dropped (metric)",
          metrics.slowClientsDropped() == STALLED_CLIENTS,
          "expected " + STALLED_CLIENTS + " dropped, metric says " + metrics.slowClientsDropped());
      ledger.check(
          "live subscribers after the burst",
          api.eventSubscribers() == READING_CLIENTS,
          "expected only the " + READING_CLIENTS + " reading clients, " + api.eventSubscribers());

      Set<String> allOrderIds = ConcurrentHashMap.newKeySet();
      orders.forEach(o -> allOrderIds.add(o.id().toString()));
      for (ReadingClient c : reading) {
        ledger.add("events received by reading clients", c.events.get());
        ledger.add("bytes received by reading clients", c.bytes.get());
        ledger.check(
            "reading client got every change exactly once",
            c.events.get() == expected && c.distinctIds.size() == expected,
            "expected "
                + expected
                + " events, got "
                + c.events.get()
                + " ("
                + c.distinctIds.size()
                + " distinct id:version)");
        ledger.check(
            "reading client saw every order",
            c.orderIds.containsAll(allOrderIds),
            "missing " + (allOrderIds.size() - c.orderIds.size()) + " orders");
        ledger.check(
            "reading client still connected", !c.ended.get(), "the server closed a reading client");
      }
      long bytesPerReader = reading.getFirst().bytes.get();
      // the OS may hold up to tcp_wmem's maximum per connection; only pushing more than that (and
      // the cap) makes the JVM's queue fill up, so a smaller push would prove nothing
      long kernelSendMax = kernelSendBufferMaxBytes();
      ledger.put("kernel send buffer max per connection (bytes)", kernelSendMax);
      ledger.check(
          "drill pushed more than the OS can buffer",
          bytesPerReader > kernelSendMax + queueMaxBytes,
          "pushed only " + bytesPerReader + " bytes per client; raise ORDERS");
      long sentToStalled = metrics.eventsSent() - expected * READING_CLIENTS;
      ledger.put(
          "events written to each stalled client before drop", sentToStalled / STALLED_CLIENTS);
      ledger.put(
          "events not queued for each stalled client", expected - sentToStalled / STALLED_CLIENTS);

      // the server closed each stalled connection: what is left to read is only what the kernels
      // held (the server's queue was discarded, not kept), then end of stream
      for (Socket s : stalled) {
        long readable = drainToEnd(s, ledger);
        ledger.add("bytes still readable by stalled clients (kernel buffers)", readable);
        ledger.check(
            "stalled client did not get the whole feed",
            readable < bytesPerReader,
            "a stalled client could still read all " + readable + " bytes");
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
      for (ReadingClient c : reading) {
        c.close();
      }
    }
  }

  /** The third value of /proc/sys/net/ipv4/tcp_wmem (Linux), else 4 MiB. */
  private static long kernelSendBufferMaxBytes() {
    try {
      String[] wmem = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_wmem")).trim().split("\\s+");
      return Long.parseLong(wmem[2]);
    } catch (IOException | RuntimeException e) {
      return 4L * 1024 * 1024;
    }
  }

  /** Subscribes, reads up to the {@code ready} event, and never reads again. */
  private static Socket stalledClient(int port, String token) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(CLIENT_RECEIVE_BUFFER_BYTES);
    s.connect(new InetSocketAddress("127.0.0.1", port));
    s.setSoTimeout(30_000);
    s.getOutputStream()
        .write(
            ("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer "
                    + token
                    + "\r\n\r\n")
                .getBytes(US_ASCII));
    InputStream in = s.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("stream ended before the ready event: " + head);
      }
      head.write(b);
      String text = head.toString(UTF_8);
      int ready = text.indexOf("event: ready");
      if (ready >= 0 && text.indexOf("\n\n", ready) > 0) {
        return s;
      }
    }
  }

  /** Reads a stalled socket to its end; a connection the server keeps open is a violation. */
  private static long drainToEnd(Socket s, DrillLedger ledger) throws IOException {
    s.setSoTimeout(15_000);
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
      ledger.check("stalled connection closed by the server", true, "");
    } catch (SocketTimeoutException e) {
      ledger.check(
          "stalled connection closed by the server",
          false,
          "still open after " + total + " bytes were read");
    } catch (IOException e) {
      // a reset is a close too
      ledger.check("stalled connection closed by the server", true, "");
    }
    return total;
  }

  /** An {@code /api/events} client that reads everything and counts the order events. */
  private static final class ReadingClient {
    private final HttpClient http;
    final AtomicLong events = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final Set<String> distinctIds = ConcurrentHashMap.newKeySet();
    final Set<String> orderIds = ConcurrentHashMap.newKeySet();
    final AtomicBoolean ended = new AtomicBoolean();

    private ReadingClient(HttpClient http) {
      this.http = http;
    }

    static ReadingClient open(int port, String token) throws Exception {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ReadingClient client = new ReadingClient(http);
      CountDownLatch ready = new CountDownLatch(1);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
              .header("Authorization", "Bearer " + token)
              .build();
      Thread.ofPlatform()
          .daemon()
          .name("drill4-reader")
          .start(
              () -> {
                try {
                  HttpResponse<Stream<String>> response =
                      http.send(request, HttpResponse.BodyHandlers.ofLines());
                  try (Stream<String> lines = response.body()) {
                    lines.forEach(
                        line -> {
                          client.bytes.addAndGet(line.length() + 1);
                          if (line.equals("event: ready")) {
                            ready.countDown();
                          } else if (line.startsWith("id: ")) {
                            String id = line.substring(4);
                            client.distinctIds.add(id);
                            client.orderIds.add(id.substring(0, id.indexOf(':')));
                            client.events.incrementAndGet();
                          }
                        });
                  }
                } catch (Exception e) {
                  // closed by the drill
                } finally {
                  client.ended.set(true);
                }
              });
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("reading client got no ready event");
      }
      return client;
    }

    void close() {
      http.shutdownNow();
    }
  }
}
