package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Fleetcare's replacement for the class of the same name in Paho mqttv5 1.2.5 (the latest release),
 * with the same public API. Paho's counts bytes but overrides only the one-byte {@code read()}, so
 * every {@code readFully} through it, which Paho uses to copy each received packet and then each
 * PUBLISH payload out of it, falls back to {@code InputStream}'s loop of one virtual call and one
 * synchronized {@code ByteArrayInputStream.read()} per byte. The bench profile put those two copies
 * at about a fifth of the pipeline JVM's CPU samples (docs/benchmarks/README.md, wall 1). This one
 * also counts bulk reads, so a copy is one {@code System.arraycopy}.
 *
 * <p>It takes Paho's place because ingest's classes come before Paho's jar on every class path that
 * has both (the modules that receive MQTT depend on ingest) and because the job jar leaves Paho's
 * copy out (stream-jobs' shade filter). {@code PahoCountingInputStreamTest} and the app module's
 * {@code PahoPatchTest} fail if another copy wins. Remove it when Paho releases a fix.
 */
public class CountingInputStream extends InputStream {
  private final InputStream in;
  private int counter;

  /** Counts the bytes read from {@code in}. */
  public CountingInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b != -1) {
      counter++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      counter += n;
    }
    return n;
  }

  /** Bytes read so far. */
  public int getCounter() {
    return counter;
  }

  /** Starts counting from zero again. */
  public void resetCounter() {
    counter = 0;
  }
}
