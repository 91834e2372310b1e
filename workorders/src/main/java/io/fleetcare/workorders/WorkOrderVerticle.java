package io.fleetcare.workorders;

import io.fleetcare.workorders.feed.WorkOrderFeed;
import io.fleetcare.workorders.http.EventStreamHandler;
import io.fleetcare.workorders.http.EventStreamMetrics;
import io.fleetcare.workorders.http.WorkOrderHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the service: REST API under {@code /api}, server-sent events at {@code
 * /api/events}, the advisor page at {@code /} and {@code /openapi.yaml}; plus the periodic
 * escalation and SERVICE_PERFORMED retry tick.
 */
public final class WorkOrderVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOrderVerticle.class);
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private final WorkOrderServiceOptions options;
  private final WorkOrderService service;
  private final WorkOrderFeed feed;
  private final EventStreamMetrics eventStreamMetrics;
  private HttpServer server;
  private Router router;
  private long tickTimer = -1;
  private boolean ticking;

  public WorkOrderVerticle(
      WorkOrderServiceOptions options,
      WorkOrderService service,
      WorkOrderFeed feed,
      EventStreamMetrics eventStreamMetrics) {
    this.options = options;
    this.service = service;
    this.feed = feed;
    this.eventStreamMetrics = eventStreamMetrics;
  }

  @Override
  public Future<?> start() {
    router = router();
    tickTimer = vertx.setPeriodic(options.escalationCheckInterval().toMillis(), t -> tick());
    return vertx
        .createHttpServer(
            new HttpServerOptions().setHost(options.host()).setPort(options.httpPort()))
        .requestHandler(router)
        .listen()
        .onSuccess(
            s -> {
              server = s;
              LOG.info(
                  "work-order service listening on http://{}:{}/", options.host(), s.actualPort());
            });
  }

  Router router() {
    WorkOrderHandler api = new WorkOrderHandler(service);
    EventStreamHandler events =
        new EventStreamHandler(feed, options.eventStreamWriteQueueMaxBytes(), eventStreamMetrics);
    Buffer openApi = resource("/webroot/openapi.yaml");
    Router router = Router.router(vertx);
    router.route().handler(WorkOrderVerticle::securityHeaders);
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.route("/api/*").failureHandler(api::failure);

    router.post("/api/login").handler(api::login);
    router.get("/api/events").handler(api::authenticateEventStream).handler(events::stream);
    router.route("/api/*").handler(api::authenticate);
    router.get("/api/me").handler(api::me);
    router.get("/api/orders").handler(api::list);
    router.get("/api/orders/:id").handler(api::detail);
    router.get("/api/orders/:id/history").handler(api::history);
    router.get("/api/orders/:id/health").handler(api::orderHealth);
    router.post("/api/orders/:id/acknowledge").handler(api::acknowledge);
    router.post("/api/orders/:id/schedule").handler(api::schedule);
    router.post("/api/orders/:id/done").handler(api::done);
    router.post("/api/orders/:id/dismiss").handler(api::dismiss);
    router.get("/api/vehicles/:vin/health").handler(api::vehicleHealth);
    router.get("/api/stats/outcomes").handler(api::outcomes);
    router.route("/api/*").handler(api::notFound);

    router
        .get("/openapi.yaml")
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml").end(openApi));
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    return router;
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    ctx.next();
  }

  private static Buffer resource(String path) {
    try (InputStream in = WorkOrderVerticle.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Escalation and the SERVICE_PERFORMED outbox; one tick at a time. */
  private void tick() {
    if (ticking) {
      return;
    }
    ticking = true;
    service
        .escalateOverdue()
        .compose(ids -> service.sendPendingServiceEvents())
        .onFailure(e -> LOG.warn("work-order tick failed: {}", e.toString()))
        .onComplete(r -> ticking = false);
  }

  /**
   * The API operations the router serves, as {@code "GET /api/orders/{id}"} (OpenAPI path syntax),
   * so a test can hold them against the published API description.
   */
  public List<String> apiOperations() {
    List<String> operations = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || !path.startsWith("/api/") || route.methods() == null) {
        continue;
      }
      String openApiPath = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        operations.add(method.name() + " " + openApiPath);
      }
    }
    return operations.stream().sorted().toList();
  }

  /** The port the server listens on. */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(tickTimer);
    return server == null ? Future.succeededFuture() : server.close();
  }
}
