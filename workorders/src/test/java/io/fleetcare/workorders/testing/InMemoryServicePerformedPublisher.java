package io.fleetcare.workorders.testing;

import io.fleetcare.core.wire.VehicleEvent;
import io.fleetcare.workorders.events.ServicePerformedPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps published SERVICE_PERFORMED events for assertions. */
public final class InMemoryServicePerformedPublisher implements ServicePerformedPublisher {
  /** One published event. */
  public record Published(String vin, VehicleEvent.ServicePerformed event) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();

  @Override
  public void publish(String vin, VehicleEvent.ServicePerformed event) {
    published.add(new Published(vin, event));
  }

  public List<Published> published() {
    return List.copyOf(published);
  }
}
