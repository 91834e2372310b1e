package io.fleetcare.workorders.http;

import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.feed.WorkOrderFeed;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/events}: server-sent events of new and changed orders the caller may see, masked
 * for their role. First event {@code ready} (the subscription is live), then one {@code order}
 * event per change, and a comment every 15 s to keep proxies from closing the stream.
 */
public final class EventStreamHandler {
  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private final WorkOrderFeed feed;

  public EventStreamHandler(WorkOrderFeed feed) {
    this.feed = feed;
  }

  public void stream(RoutingContext ctx) {
    ApiUser user = WorkOrderHandler.user(ctx);
    HttpServerResponse response = ctx.response();
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    Context context = ctx.vertx().getOrCreateContext();
    Runnable unsubscribe = feed.subscribe(context, order -> send(response, user, order));
    long keepAlive =
        ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, t -> response.write(": keep-alive\n\n"));
    response.closeHandler(
        v -> {
          unsubscribe.run();
          ctx.vertx().cancelTimer(keepAlive);
        });
    response.write(
        "retry: 3000\nevent: ready\ndata: "
            + new JsonObject().put("user", WorkOrderJson.user(user)).encode()
            + "\n\n");
  }

  private static void send(HttpServerResponse response, ApiUser user, StoredWorkOrder order) {
    if (response.closed() || !user.canSeeDealer(order.order().dealerId())) {
      return;
    }
    if (response.writeQueueFull()) {
      return; // a stalled client misses changes; it reloads the queue when it reconnects
    }
    response.write(
        "id: "
            + order.order().id()
            + ":"
            + order.version()
            + "\nevent: order\ndata: "
            + WorkOrderJson.order(order, user, false).encode()
            + "\n\n");
  }
}
