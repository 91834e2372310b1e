package io.fleetcare.workorders.feed;

import io.fleetcare.workorders.db.WorkOrderRepository;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Context;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans changed orders out to subscribers (the server-sent-event connections). Each changed order is
 * read once and delivered on each subscriber's own Vert.x context.
 */
public final class WorkOrderFeed {
  private static final Logger LOG = LoggerFactory.getLogger(WorkOrderFeed.class);

  private record Subscriber(Context context, Consumer<StoredWorkOrder> consumer) {}

  private final WorkOrderRepository repository;
  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  public WorkOrderFeed(WorkOrderRepository repository) {
    this.repository = repository;
  }

  /**
   * Delivers every changed order to {@code consumer} on {@code context} until the returned handle
   * is run.
   */
  public Runnable subscribe(Context context, Consumer<StoredWorkOrder> consumer) {
    Subscriber s = new Subscriber(context, consumer);
    subscribers.add(s);
    return () -> subscribers.remove(s);
  }

  /** Number of live subscribers. */
  public int subscribers() {
    return subscribers.size();
  }

  /** An order changed (any thread). */
  public void changed(UUID id) {
    if (subscribers.isEmpty()) {
      return;
    }
    repository
        .find(id)
        .onSuccess(
            found ->
                found.ifPresent(
                    order -> {
                      for (Subscriber s : subscribers) {
                        s.context().runOnContext(v -> s.consumer().accept(order));
                      }
                    }))
        .onFailure(e -> LOG.warn("cannot read changed order {}", id, e));
  }
}
