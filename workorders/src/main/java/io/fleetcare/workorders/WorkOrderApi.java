package io.fleetcare.workorders;

import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.auth.Secrets;
import io.fleetcare.workorders.crypto.FieldCipher;
import io.fleetcare.workorders.db.Jdbc;
import io.fleetcare.workorders.db.JdbcUserRepository;
import io.fleetcare.workorders.db.JdbcWorkOrderRepository;
import io.fleetcare.workorders.db.UserRepository;
import io.fleetcare.workorders.db.WorkOrderSchema;
import io.fleetcare.workorders.events.ServicePerformedPublisher;
import io.fleetcare.workorders.feed.ChangeListener;
import io.fleetcare.workorders.feed.WorkOrderFeed;
import io.fleetcare.workorders.http.EventStreamMetrics;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.List;

/**
 * The running work-order service: schema migrated, HTTP server listening, change feed and
 * escalation running. The app starts it with {@link #start} and stops it with {@link #close}.
 */
public final class WorkOrderApi {
  private final Vertx vertx;
  private final WorkOrderServiceOptions options;
  private final Jdbc jdbc;
  private final UserRepository users;
  private final WorkOrderService service;
  private final WorkOrderFeed feed;
  private final ChangeListener listener;
  private final WorkOrderVerticle verticle;
  private final EventStreamMetrics eventStreamMetrics;
  private final String deploymentId;

  private WorkOrderApi(
      Vertx vertx,
      WorkOrderServiceOptions options,
      Jdbc jdbc,
      UserRepository users,
      WorkOrderService service,
      WorkOrderFeed feed,
      ChangeListener listener,
      WorkOrderVerticle verticle,
      EventStreamMetrics eventStreamMetrics,
      String deploymentId) {
    this.vertx = vertx;
    this.options = options;
    this.jdbc = jdbc;
    this.users = users;
    this.service = service;
    this.feed = feed;
    this.listener = listener;
    this.verticle = verticle;
    this.eventStreamMetrics = eventStreamMetrics;
    this.deploymentId = deploymentId;
  }

  /** Starts the service without a SERVICE_PERFORMED publisher (events stay pending). */
  public static Future<WorkOrderApi> start(Vertx vertx, WorkOrderServiceOptions options) {
    return start(vertx, options, null);
  }

  /**
   * Migrates the schema, then starts the change feed and the HTTP server.
   *
   * @param publisher sends SERVICE_PERFORMED when orders are done, or null; owned by the caller
   */
  public static Future<WorkOrderApi> start(
      Vertx vertx, WorkOrderServiceOptions options, ServicePerformedPublisher publisher) {
    return vertx
        .executeBlocking(() -> WorkOrderSchema.migrate(options.jdbcUrl()))
        .compose(
            version -> {
              Jdbc jdbc = new Jdbc(vertx, options.jdbcUrl(), options.dbPoolSize());
              JdbcWorkOrderRepository orders =
                  new JdbcWorkOrderRepository(jdbc, new FieldCipher(options.encryptionKey()));
              UserRepository users = new JdbcUserRepository(jdbc);
              WorkOrderService service =
                  new DefaultWorkOrderService(vertx, options, orders, users, publisher);
              WorkOrderFeed feed = new WorkOrderFeed(orders);
              EventStreamMetrics eventStreamMetrics = new EventStreamMetrics();
              WorkOrderVerticle verticle =
                  new WorkOrderVerticle(options, service, feed, eventStreamMetrics);
              return vertx
                  .executeBlocking(() -> ChangeListener.start(options.jdbcUrl(), feed::changed))
                  .compose(
                      listener ->
                          vertx
                              .deployVerticle(verticle)
                              .map(
                                  id ->
                                      new WorkOrderApi(
                                          vertx,
                                          options,
                                          jdbc,
                                          users,
                                          service,
                                          feed,
                                          listener,
                                          verticle,
                                          eventStreamMetrics,
                                          id))
                              .recover(
                                  e -> {
                                    closeQuietly(listener);
                                    return Future.failedFuture(e);
                                  }))
                  .recover(
                      e -> {
                        jdbc.close();
                        return Future.failedFuture(e);
                      });
            });
  }

  private static void closeQuietly(ChangeListener listener) {
    try {
      listener.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The HTTP port (the actual one when the options said 0). */
  public int port() {
    return verticle.port();
  }

  /** The API operations served, e.g. {@code "POST /api/orders/{id}/done"}, sorted. */
  public List<String> apiOperations() {
    return verticle.apiOperations();
  }

  /** The service behind the HTTP API, for in-process callers. */
  public WorkOrderService service() {
    return service;
  }

  /** Live server-sent-event connections. */
  public int eventSubscribers() {
    return feed.subscribers();
  }

  /** Counters of the live feed's streams (opened, events sent, slow clients dropped). */
  public EventStreamMetrics.Snapshot eventStreamMetrics() {
    return eventStreamMetrics.snapshot();
  }

  /**
   * Stores a planned order as the planner does (same table, same trigger): it appears on the live
   * feed. True when stored, false if an order with its id exists.
   */
  public Future<Boolean> submit(WorkOrder order) {
    return service.submit(order, "planner");
  }

  /**
   * Stores an order from the planner's topic, new or changed ({@link
   * WorkOrderService#applyPlanned}): what the work-order feed subscriber calls per message.
   */
  public Future<PlannedOrderResult> applyPlanned(WorkOrder order) {
    return service.applyPlanned(order, "planner");
  }

  /**
   * Creates or replaces a user and issues a token that does not expire.
   *
   * @param password for {@code POST /api/login}, or null for a token-only user
   * @return the bearer token (only its hash is stored)
   */
  public Future<String> createUser(ApiUser user, String password) {
    String token = Secrets.newToken();
    return vertx
        .executeBlocking(() -> password == null ? null : Secrets.hashPassword(password))
        .compose(hash -> users.saveUser(user, hash))
        .compose(
            v ->
                users.saveToken(
                    user.username(),
                    Secrets.tokenHash(token),
                    options.clock().instant(),
                    null,
                    "issued"))
        .map(v -> token);
  }

  /** {@link #seedDemoUser(String)} for dealer {@code D001}. */
  public Future<DemoLogin> seedDemoUser() {
    return seedDemoUser("D001");
  }

  /**
   * Creates the demo advisor {@code demo} (random password, printed by the demo) and the dealer's
   * service manager {@code demo-manager} (receives escalations), and returns the advisor's login.
   */
  public Future<DemoLogin> seedDemoUser(String dealerId) {
    String password = readablePassword();
    return createUser(
            new ApiUser("demo-manager", "Demo Service Manager", Role.MANAGER, dealerId), null)
        .compose(
            ignored ->
                createUser(new ApiUser("demo", "Demo Advisor", Role.ADVISOR, dealerId), password))
        .map(token -> new DemoLogin("demo", password, token, dealerId));
  }

  private static String readablePassword() {
    String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * The demo advisor's login.
   *
   * @param token bearer token; print as {@code demo advisor token: <token>}
   */
  public record DemoLogin(String username, String password, String token, String dealerId) {}

  /** Stops the server, the feed and the pool. */
  public Future<Void> close() {
    return vertx
        .undeploy(deploymentId)
        .eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      listener.close();
                      jdbc.close();
                      return null;
                    }))
        .mapEmpty();
  }
}
