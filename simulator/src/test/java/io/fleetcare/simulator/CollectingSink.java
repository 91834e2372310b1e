package io.fleetcare.simulator;

import java.util.ArrayList;
import java.util.List;

/** Keeps every message, for tests. */
final class CollectingSink implements MessageSink {
  record Sent(String topic, byte[] payload, boolean retained) {}

  final List<Sent> messages = new ArrayList<>();

  @Override
  public void send(String topic, byte[] payload, boolean retained) {
    messages.add(new Sent(topic, payload, retained));
  }
}
