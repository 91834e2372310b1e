package io.fleetcare.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input stream is buffered. Paho mqttv5 1.2.5 reads each packet's fixed
 * header (the type byte and one to four length bytes) one byte per {@code read()} straight from the
 * socket, a system call each, before it reads the body; a buffer under Paho's stream turns those
 * into one read per buffer fill. (The larger cost the bench profile found, Paho parsing each body
 * one byte per call from memory, is not addressed here: docs/benchmarks/README.md.) The source uses
 * it for {@code tcp://} brokers; any other Paho client that reads much (e.g. a benchmark's
 * subscriber) should too: {@code options.setSocketFactory(INSTANCE)}.
 */
public final class BufferedSocketFactory extends SocketFactory {
  /** The factory; it has no state. */
  public static final BufferedSocketFactory INSTANCE = new BufferedSocketFactory();

  private static final int BUFFER_BYTES = 64 * 1024;

  private BufferedSocketFactory() {}

  @Override
  public Socket createSocket() {
    return new BufferedInputSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private static Socket connected(InetSocketAddress remote, InetSocketAddress local)
      throws IOException {
    Socket socket = new BufferedInputSocket();
    try {
      if (local != null) {
        socket.bind(local);
      }
      socket.connect(remote);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** A socket that hands out one buffered input stream. */
  private static final class BufferedInputSocket extends Socket {
    private InputStream buffered;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (buffered == null) {
        buffered = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
      }
      return buffered;
    }
  }
}
