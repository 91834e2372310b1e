package io.fleetcare.workorders.events;

import io.fleetcare.core.wire.VehicleEvent;

/**
 * Sends {@code SERVICE_PERFORMED} back to the stream when an order is done, so the wear models of
 * the vehicle reset. Called on a worker thread, never on an event loop; may block. A failure leaves
 * the event pending and it is sent again on the next escalation tick (at-least-once).
 */
public interface ServicePerformedPublisher extends AutoCloseable {

  /** Publishes one event for {@code vin}; throws if it was not delivered. */
  void publish(String vin, VehicleEvent.ServicePerformed event) throws Exception;

  @Override
  default void close() throws Exception {}
}
