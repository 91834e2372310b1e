package io.fleetcare.workorders.http;

import io.fleetcare.workorders.ServiceException;
import io.fleetcare.workorders.WorkOrderService;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.model.LifecycleAction;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST routes: each method reads the request, calls the {@link WorkOrderService} and writes
 * JSON. Errors become {@code {"error": …, "message": …}} with the matching status.
 */
public final class WorkOrderHandler {
  static final String USER_KEY = "fleetcare.user";
  private static final Logger LOG = LoggerFactory.getLogger(WorkOrderHandler.class);

  private final WorkOrderService service;

  public WorkOrderHandler(WorkOrderService service) {
    this.service = service;
  }

  static ApiUser user(RoutingContext ctx) {
    return ctx.get(USER_KEY);
  }

  /** Every /api route but login: a bearer token in the Authorization header. */
  public void authenticate(RoutingContext ctx) {
    authenticateWith(ctx, bearer(ctx));
  }

  /**
   * /api/events: EventSource cannot set headers, so the token may also come as {@code
   * ?access_token=}.
   */
  public void authenticateEventStream(RoutingContext ctx) {
    String token = bearer(ctx);
    authenticateWith(ctx, token != null ? token : ctx.request().getParam("access_token"));
  }

  private void authenticateWith(RoutingContext ctx, String token) {
    service
        .authenticate(token)
        .onSuccess(
            user -> {
              ctx.put(USER_KEY, user);
              ctx.next();
            })
        .onFailure(ctx::fail);
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  public void login(RoutingContext ctx) {
    String[] credentials = RequestParsing.login(body(ctx));
    respond(
        ctx,
        service.login(credentials[0], credentials[1]),
        l ->
            new JsonObject()
                .put("token", l.token())
                .put("expiresAt", l.expiresAt().toString())
                .put("user", WorkOrderJson.user(l.user())));
  }

  public void me(RoutingContext ctx) {
    respond(ctx, Future.succeededFuture(user(ctx)), WorkOrderJson::user);
  }

  public void list(RoutingContext ctx) {
    ApiUser user = user(ctx);
    respond(
        ctx,
        service.list(user, RequestParsing.filter(ctx.queryParams())),
        orders -> new JsonObject().put("orders", WorkOrderJson.orders(orders, user)));
  }

  public void detail(RoutingContext ctx) {
    ApiUser user = user(ctx);
    respond(ctx, service.detail(user, id(ctx)), d -> WorkOrderJson.detail(d, user));
  }

  public void history(RoutingContext ctx) {
    respond(
        ctx,
        service.detail(user(ctx), id(ctx)),
        d -> new JsonObject().put("history", WorkOrderJson.history(d.history())));
  }

  public void orderHealth(RoutingContext ctx) {
    ApiUser user = user(ctx);
    respond(ctx, service.healthOfOrder(user, id(ctx)), h -> WorkOrderJson.health(h, user));
  }

  public void vehicleHealth(RoutingContext ctx) {
    ApiUser user = user(ctx);
    respond(
        ctx,
        service.healthOfVehicle(user, RequestParsing.pathVin(ctx.pathParam("vin"))),
        h -> WorkOrderJson.health(h, user));
  }

  public void acknowledge(RoutingContext ctx) {
    act(ctx, RequestParsing.acknowledge(body(ctx)));
  }

  public void schedule(RoutingContext ctx) {
    act(ctx, RequestParsing.schedule(body(ctx)));
  }

  public void done(RoutingContext ctx) {
    act(ctx, RequestParsing.done(body(ctx)));
  }

  public void dismiss(RoutingContext ctx) {
    act(ctx, RequestParsing.dismiss(body(ctx)));
  }

  private void act(RoutingContext ctx, LifecycleAction action) {
    ApiUser user = user(ctx);
    // the id is checked before the body, so a bad id is reported first
    respond(ctx, service.act(user, id(ctx), action), o -> WorkOrderJson.order(o, user, true));
  }

  public void outcomes(RoutingContext ctx) {
    respond(
        ctx,
        service.outcomes(user(ctx), RequestParsing.dealer(ctx.request().getParam("dealer"))),
        s -> new JsonObject().put("outcomes", WorkOrderJson.outcomes(s)));
  }

  /** Unknown /api paths. */
  public void notFound(RoutingContext ctx) {
    ctx.fail(
        ServiceException.notFound(
            "no such API route: " + ctx.request().method() + " " + ctx.request().path()));
  }

  /** Maps failures to JSON errors. */
  public void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String error;
    String message;
    if (failure instanceof ServiceException e) {
      status = e.reason().httpStatus();
      error = e.reason().name().toLowerCase(java.util.Locale.ROOT);
      message = e.getMessage();
    } else if (failure == null) {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      error = status == 413 ? "payload_too_large" : "http_" + status;
      message = status == 413 ? "request body too large" : "request failed";
    } else {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
      status = 500;
      error = "internal";
      message = "internal error";
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).put("message", message).encode());
  }

  private static java.util.UUID id(RoutingContext ctx) {
    return RequestParsing.id(ctx.pathParam("id"));
  }

  private static Buffer body(RoutingContext ctx) {
    return ctx.body() == null ? null : ctx.body().buffer();
  }

  private static <T> void respond(RoutingContext ctx, Future<T> result, Function<T, Object> json) {
    result
        .onSuccess(
            value -> {
              Object body = json.apply(value);
              ctx.response()
                  .putHeader("Content-Type", "application/json")
                  .putHeader("Cache-Control", "no-store")
                  .end(io.vertx.core.json.Json.encode(body));
            })
        .onFailure(ctx::fail);
  }
}
