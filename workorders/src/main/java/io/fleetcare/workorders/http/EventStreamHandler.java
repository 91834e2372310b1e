package io.fleetcare.workorders.http;

import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.feed.WorkOrderFeed;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events}: server-sent events of new and changed orders the caller may see, masked
 * for their role. First event {@code ready} (the subscription is live), then one {@code order}
 * event per change, and a comment every 15 s to keep proxies from closing the stream.
 *
 * <p>A client that stops reading must not make the server hold an ever-growing queue for it: the
 * response's write queue is capped, and a client whose queue is full when the next event (or
 * keep-alive) is due is disconnected, logged and counted in {@link EventStreamMetrics}. Dropping
 * the event and keeping the client would leave its page silently stale; a disconnected EventSource
 * reconnects and reloads the queue.
 */
public final class EventStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamHandler.class);
  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private final WorkOrderFeed feed;
  private final int writeQueueMaxBytes;
  private final EventStreamMetrics metrics;

  public EventStreamHandler(
      WorkOrderFeed feed, int writeQueueMaxBytes, EventStreamMetrics metrics) {
    this.feed = feed;
    this.writeQueueMaxBytes = writeQueueMaxBytes;
    this.metrics = metrics;
  }

  public void stream(RoutingContext ctx) {
    new Stream(ctx).start();
  }

  /** One client's stream; all its methods run on the connection's event loop. */
  private final class Stream {
    private final RoutingContext ctx;
    private final ApiUser user;
    private final HttpServerResponse response;
    private Runnable unsubscribe = () -> {};
    private long keepAliveTimer = -1;
    private long eventsSent;
    private boolean finished;

    Stream(RoutingContext ctx) {
      this.ctx = ctx;
      this.user = WorkOrderHandler.user(ctx);
      this.response = ctx.response();
    }

    void start() {
      response
          .setChunked(true)
          .setWriteQueueMaxSize(writeQueueMaxBytes)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Accel-Buffering", "no");
      Context context = ctx.vertx().getOrCreateContext();
      unsubscribe = feed.subscribe(context, this::send);
      keepAliveTimer = ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, t -> write(": keep-alive\n\n"));
      response.closeHandler(v -> finish());
      metrics.opened();
      write(
          "retry: 3000\nevent: ready\ndata: "
              + new JsonObject().put("user", WorkOrderJson.user(user)).encode()
              + "\n\n");
    }

    private void send(StoredWorkOrder order) {
      if (!user.canSeeDealer(order.order().dealerId())) {
        return;
      }
      if (write(
          "id: "
              + order.order().id()
              + ":"
              + order.version()
              + "\nevent: order\ndata: "
              + WorkOrderJson.order(order, user, false).encode()
              + "\n\n")) {
        eventsSent++;
        metrics.sent();
      }
    }

    /** Writes unless the stream is over; a full queue ends it. True when written. */
    private boolean write(String text) {
      if (finished || response.closed()) {
        return false;
      }
      if (response.writeQueueFull()) {
        dropSlowClient();
        return false;
      }
      response.write(text);
      return true;
    }

    private void dropSlowClient() {
      metrics.slowClientDropped();
      LOG.warn(
          "event stream of user {} from {} dropped: the client is not reading and its write queue"
              + " is over {} bytes ({} order events sent before)",
          user.username(),
          ctx.request().remoteAddress(),
          writeQueueMaxBytes,
          eventsSent);
      finish();
      // close, not end: ending would queue behind the bytes the client is not reading
      ctx.request().connection().close();
    }

    private void finish() {
      if (!finished) {
        finished = true;
        unsubscribe.run();
        ctx.vertx().cancelTimer(keepAliveTimer);
      }
    }
  }
}
