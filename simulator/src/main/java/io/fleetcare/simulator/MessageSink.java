package io.fleetcare.simulator;

/**
 * Where the simulator (or the log replayer) delivers its messages: an MQTT broker, a JSON-lines
 * file, or a collecting list in tests. Calls come from one thread, in publishing order.
 */
public interface MessageSink extends AutoCloseable {
  /**
   * Delivers one message.
   *
   * @param topic MQTT topic, e.g. {@code fleet/1FC.../telemetry}
   * @param payload UTF-8 JSON payload (or deliberately malformed bytes when faults are injected)
   * @param retained whether a broker should retain it (vehicle profiles)
   */
  void send(String topic, byte[] payload, boolean retained) throws Exception;

  @Override
  default void close() throws Exception {}
}
