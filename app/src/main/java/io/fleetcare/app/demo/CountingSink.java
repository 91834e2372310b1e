package io.fleetcare.app.demo;

import io.fleetcare.simulator.MessageSink;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the messages handed to another sink, for the demo's progress line. */
final class CountingSink implements MessageSink {
  private final MessageSink delegate;
  private final AtomicLong telemetry = new AtomicLong();
  private final AtomicLong total = new AtomicLong();

  CountingSink(MessageSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public void send(String topic, byte[] payload, boolean retained) throws Exception {
    delegate.send(topic, payload, retained);
    total.incrementAndGet();
    if (topic.endsWith("/telemetry")) {
      telemetry.incrementAndGet();
    }
  }

  long telemetryMessages() {
    return telemetry.get();
  }

  long messages() {
    return total.get();
  }

  @Override
  public void close() throws Exception {
    delegate.close();
  }
}
