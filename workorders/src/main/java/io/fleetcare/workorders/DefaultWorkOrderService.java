package io.fleetcare.workorders;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.core.workorder.WorkOrder;
import io.fleetcare.workorders.ServiceException.Reason;
import io.fleetcare.workorders.auth.ApiUser;
import io.fleetcare.workorders.auth.Role;
import io.fleetcare.workorders.auth.Secrets;
import io.fleetcare.workorders.db.OrderFilter;
import io.fleetcare.workorders.db.UserRepository;
import io.fleetcare.workorders.db.WorkOrderRepository;
import io.fleetcare.workorders.db.WorkOrderRepository.PendingServiceEvent;
import io.fleetcare.workorders.db.WorkOrderRepository.Transition;
import io.fleetcare.workorders.events.ServicePerformedPublisher;
import io.fleetcare.workorders.model.LifecycleAction;
import io.fleetcare.workorders.model.OutcomeStats;
import io.fleetcare.workorders.model.PlannedOrderResult;
import io.fleetcare.workorders.model.StoredWorkOrder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link WorkOrderService} over the repositories, with the access rules of the roles. */
public final class DefaultWorkOrderService implements WorkOrderService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultWorkOrderService.class);

  private final Vertx vertx;
  private final WorkOrderServiceOptions options;
  private final WorkOrderRepository orders;
  private final UserRepository users;
  private final ServicePerformedPublisher publisher;
  private Future<Integer> lastSendRound = Future.succeededFuture(0);

  /**
   * @param publisher sends SERVICE_PERFORMED when an order is done; null keeps the events pending
   *     (they are sent once a service with a publisher runs on the same database)
   */
  public DefaultWorkOrderService(
      Vertx vertx,
      WorkOrderServiceOptions options,
      WorkOrderRepository orders,
      UserRepository users,
      ServicePerformedPublisher publisher) {
    this.vertx = vertx;
    this.options = options;
    this.orders = orders;
    this.users = users;
    this.publisher = publisher;
  }

  private Instant now() {
    return options.clock().instant();
  }

  @Override
  public Future<List<StoredWorkOrder>> list(ApiUser caller, OrderFilter filter) {
    if (caller.role() == Role.ADMIN) {
      return orders.list(filter);
    }
    if (filter.dealerId() != null && !filter.dealerId().equals(caller.dealerId())) {
      return Future.failedFuture(
          ServiceException.forbidden("you may only see orders of dealer " + caller.dealerId()));
    }
    return orders.list(withDealer(filter, caller.dealerId()));
  }

  private static OrderFilter withDealer(OrderFilter f, String dealerId) {
    return new OrderFilter(
        dealerId,
        f.statuses(),
        f.types(),
        f.urgencies(),
        f.departments(),
        f.kinds(),
        f.vin(),
        f.dueFrom(),
        f.dueTo(),
        f.escalated(),
        f.limit(),
        f.offset());
  }

  private Future<StoredWorkOrder> visibleOrder(ApiUser caller, UUID id) {
    return orders
        .find(id)
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(ServiceException.notFound("no work order " + id));
              }
              if (!caller.canSeeDealer(found.get().order().dealerId())) {
                return Future.failedFuture(
                    ServiceException.forbidden("work order " + id + " belongs to another dealer"));
              }
              return Future.succeededFuture(found.get());
            });
  }

  @Override
  public Future<OrderDetail> detail(ApiUser caller, UUID id) {
    return visibleOrder(caller, id)
        .compose(order -> orders.history(id).map(history -> new OrderDetail(order, history)));
  }

  @Override
  public Future<VehicleHealth> healthOfOrder(ApiUser caller, UUID id) {
    return visibleOrder(caller, id).compose(order -> health(caller, order.order().vin()));
  }

  @Override
  public Future<VehicleHealth> healthOfVehicle(ApiUser caller, String vin) {
    if (caller.role().seesMaskedPersonalData()) {
      return Future.failedFuture(
          ServiceException.forbidden(
              "customer service opens a vehicle through its order: /api/orders/{id}/health"));
    }
    return health(caller, vin)
        .compose(
            h ->
                h.orders().isEmpty()
                    ? Future.failedFuture(ServiceException.notFound("no orders for vehicle " + vin))
                    : Future.succeededFuture(h));
  }

  private Future<VehicleHealth> health(ApiUser caller, String vin) {
    String dealer = caller.role() == Role.ADMIN ? null : caller.dealerId();
    return orders
        .list(OrderFilter.vehicle(dealer, vin))
        .compose(
            vehicleOrders ->
                orders
                    .vehicleHistory(vin, dealer)
                    .map(
                        timeline ->
                            new VehicleHealth(
                                vin,
                                vehicleOrders.stream()
                                    .sorted(
                                        (a, b) ->
                                            b.order().createdAt().compareTo(a.order().createdAt()))
                                    .toList(),
                                timeline)));
  }

  @Override
  public Future<StoredWorkOrder> act(ApiUser caller, UUID id, LifecycleAction action) {
    if (!caller.role().mayChangeOrders()) {
      return Future.failedFuture(
          ServiceException.forbidden("role " + caller.role() + " may not change work orders"));
    }
    return visibleOrder(caller, id)
        .compose(ignored -> orders.apply(id, action, caller, now()))
        .compose(
            result ->
                switch (result) {
                  case Transition.Applied applied -> Future.succeededFuture(applied.order());
                  case Transition.NotFound nf ->
                      Future.failedFuture(ServiceException.notFound("no work order " + id));
                  case Transition.Refused refused ->
                      Future.failedFuture(
                          new ServiceException(
                              Reason.CONFLICT,
                              "cannot "
                                  + verb(action)
                                  + " an order that is "
                                  + refused.current()
                                  + "; allowed from "
                                  + action.allowedFrom()));
                })
        .onSuccess(
            order -> {
              if (action instanceof LifecycleAction.Done) {
                sendPendingServiceEvents();
              }
            });
  }

  private static String verb(LifecycleAction action) {
    return switch (action) {
      case LifecycleAction.Acknowledge a -> "acknowledge";
      case LifecycleAction.Schedule s -> "schedule";
      case LifecycleAction.Done d -> "complete";
      case LifecycleAction.Dismiss d -> "dismiss";
    };
  }

  @Override
  public Future<List<OutcomeStats>> outcomes(ApiUser caller, String dealerId) {
    if (caller.role() == Role.ADMIN) {
      return orders.outcomes(dealerId);
    }
    if (dealerId != null && !dealerId.equals(caller.dealerId())) {
      return Future.failedFuture(
          ServiceException.forbidden("you may only see figures of dealer " + caller.dealerId()));
    }
    return orders.outcomes(caller.dealerId());
  }

  @Override
  public Future<Login> login(String username, String password) {
    ServiceException refused =
        new ServiceException(Reason.UNAUTHORIZED, "unknown user or wrong password");
    return users
        .userByName(username)
        .compose(
            found ->
                vertx.executeBlocking(
                    () ->
                        found
                            .filter(u -> Secrets.passwordMatches(password, u.passwordHash()))
                            .map(UserRepository.UserWithPassword::user)))
        .compose(
            user -> {
              if (user.isEmpty()) {
                return Future.failedFuture(refused);
              }
              String token = Secrets.newToken();
              Instant now = now();
              Instant expires = now.plus(options.tokenLifetime());
              return users
                  .saveToken(user.get().username(), Secrets.tokenHash(token), now, expires, "login")
                  .map(v -> new Login(token, expires, user.get()));
            });
  }

  @Override
  public Future<ApiUser> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new ServiceException(Reason.UNAUTHORIZED, "missing bearer token"));
    }
    return users
        .userByToken(Secrets.tokenHash(token.strip()), now())
        .compose(
            u ->
                u.map(Future::succeededFuture)
                    .orElseGet(
                        () ->
                            Future.failedFuture(
                                new ServiceException(
                                    Reason.UNAUTHORIZED, "unknown or expired token"))));
  }

  @Override
  public Future<Boolean> submit(WorkOrder order, String createdBy) {
    return orders.insert(order, now(), createdBy);
  }

  @Override
  public Future<PlannedOrderResult> applyPlanned(WorkOrder order, String actor) {
    return orders.applyPlanned(order, now(), actor);
  }

  @Override
  public Future<List<UUID>> escalateOverdue() {
    return orders
        .escalateOverdue(now(), options.escalateAfter())
        .onSuccess(
            ids -> {
              if (!ids.isEmpty()) {
                LOG.info(
                    "escalated {} work orders not acknowledged within {}",
                    ids.size(),
                    options.escalateAfter());
              }
            });
  }

  @Override
  public synchronized Future<Integer> sendPendingServiceEvents() {
    if (publisher == null) {
      return Future.succeededFuture(0);
    }
    // One round at a time: two overlapping rounds (a done action's and the periodic one) both
    // read the same pending events before either marked them sent, and published them twice.
    synchronized (this) {
      Future<Integer> round = lastSendRound.transform(previous -> sendPendingRound());
      lastSendRound = round;
      return round;
    }
  }

  private Future<Integer> sendPendingRound() {
    return orders
        .pendingServiceEvents()
        .compose(
            pending -> {
              Future<Integer> chain = Future.succeededFuture(0);
              for (PendingServiceEvent p : pending) {
                chain = chain.compose(sent -> send(p).map(ok -> ok ? sent + 1 : sent));
              }
              return chain;
            });
  }

  private Future<Boolean> send(PendingServiceEvent p) {
    return vertx
        .executeBlocking(
            () -> {
              publisher.publish(
                  p.vin(),
                  new VehicleEvent.ServicePerformed(
                      p.doneAt().toEpochMilli(), p.service(), p.odometerKm()));
              return null;
            },
            false)
        .compose(v -> orders.markServiceEventSent(p.orderId(), now()))
        .map(v -> true)
        .recover(
            e -> {
              LOG.warn(
                  "SERVICE_PERFORMED of order {} not sent, will retry: {}",
                  p.orderId(),
                  e.toString());
              return Future.succeededFuture(false);
            });
  }
}
