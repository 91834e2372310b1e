package io.fleetcare.app;

import io.fleetcare.workorders.WorkOrderApi;
import io.fleetcare.workorders.WorkOrderServiceOptions;
import io.fleetcare.workorders.crypto.EncryptionKey;
import io.fleetcare.workorders.events.MqttServicePerformedPublisher;
import io.fleetcare.workorders.feed.WorkOrderFeedSubscriber;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetcare api}: only the work-order service (REST, live feed, advisor page). */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "Run the work-order service: REST API, server-sent events and the advisor page.")
public final class ApiCommand implements Callable<Integer> {
  @Option(
      names = "--jdbc",
      required = true,
      description = "PostgreSQL/TimescaleDB JDBC URL with credentials")
  String jdbc;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--encryption-key",
      defaultValue = "env:FLEETCARE_ENCRYPTION_KEY",
      description =
          "Key for personal data at rest: env:NAME, file:PATH or base64:KEY (default: ${DEFAULT-VALUE})")
  String encryptionKey;

  @Option(
      names = "--broker",
      description = "MQTT broker for SERVICE_PERFORMED events sent back to the stream")
  Optional<String> broker;

  @Option(
      names = "--escalate-after",
      defaultValue = "24h",
      description = "Escalate orders not acknowledged for this long (default: ${DEFAULT-VALUE})")
  Duration escalateAfter;

  @Option(
      names = "--demo-user",
      description = "Create the demo advisor for dealer D001 and print its token")
  boolean demoUser;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WorkOrderServiceOptions options =
        WorkOrderServiceOptions.builder(jdbc, EncryptionKey.fromSource(encryptionKey))
            .httpPort(port)
            .escalateAfter(escalateAfter)
            .build();
    Vertx vertx = Vertx.vertx();
    Running running = startApi(vertx, options, broker);
    spec.commandLine()
        .getOut()
        .println("work-order service on http://localhost:" + running.api().port());
    if (demoUser) {
      printDemoLogin(running.api(), spec.commandLine().getOut());
    }
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.close();
                  } catch (Exception e) {
                    System.err.println("fleetcare: stopping the service failed: " + e);
                  }
                  vertx.close().toCompletionStage().toCompletableFuture().join();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  /**
   * Starts the service. With a broker it also publishes SERVICE_PERFORMED events back to the stream
   * and stores the work orders the planner publishes.
   */
  public static Running startApi(
      Vertx vertx, WorkOrderServiceOptions options, Optional<String> broker) throws Exception {
    if (broker.isEmpty()) {
      return new Running(
          WorkOrderApi.start(vertx, options).toCompletionStage().toCompletableFuture().get(),
          Optional.empty());
    }
    WorkOrderApi api =
        WorkOrderApi.start(
                vertx,
                options,
                new MqttServicePerformedPublisher(
                    broker.get(), "fleetcare-api-" + UUID.randomUUID()))
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    WorkOrderFeedSubscriber feed =
        WorkOrderFeedSubscriber.start(
            WorkOrderFeedSubscriber.Options.defaults(broker.get()), api::applyPlanned);
    return new Running(api, Optional.of(feed));
  }

  /** The running service and, with a broker, the feed that stores the planner's orders. */
  public record Running(WorkOrderApi api, Optional<WorkOrderFeedSubscriber> feed)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      feed.ifPresent(WorkOrderFeedSubscriber::close);
      api.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  /** Seeds the demo advisor and prints how to log in. */
  public static void printDemoLogin(WorkOrderApi api, java.io.PrintWriter out) throws Exception {
    WorkOrderApi.DemoLogin login =
        api.seedDemoUser().toCompletionStage().toCompletableFuture().get();
    out.printf(
        "demo login: user %s, password %s (dealer %s)%n",
        login.username(), login.password(), login.dealerId());
    out.println("demo advisor token: " + login.token());
  }
}
