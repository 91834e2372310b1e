package io.fleetcare.streamjobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy the drill controls, between the job's JDBC sinks and PostgreSQL. {@link #cut()} makes
 * the database unreachable the way a crashed server or a dead host does: every open connection is
 * reset and new connections are refused. {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong reset = new AtomicLong();
  private volatile ServerSocket server;

  private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = server;
    this.port = server.getLocalPort();
  }

  /** A proxy on a free local port forwarding to {@code targetHost:targetPort}. */
  public static TcpProxy start(String targetHost, int targetPort) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TcpProxy proxy = new TcpProxy(targetHost, targetPort, server);
    proxy.acceptLoop(server);
    return proxy;
  }

  public int port() {
    return port;
  }

  /** Connections accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  /** Connections reset by {@link #cut()}. */
  public long reset() {
    return reset.get();
  }

  /** Stops listening (new connections are refused) and resets every open connection. */
  public synchronized void cut() throws IOException {
    server.close();
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0); // RST, like a host that went away
      } catch (IOException e) {
        // closing anyway
      }
      s.close();
      reset.incrementAndGet();
    }
    open.clear();
  }

  /** Listens again on the same port. */
  public synchronized void restore() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = again;
    acceptLoop(again);
  }

  @Override
  public synchronized void close() throws IOException {
    cut();
  }

  private void acceptLoop(ServerSocket listening) {
    Thread.ofVirtual()
        .name("drill-proxy-accept-" + port)
        .start(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  accepted.incrementAndGet();
                  connect(client);
                } catch (IOException e) {
                  // closed by cut(), or one connection failed: the loop condition decides
                }
              }
            });
  }

  private void connect(Socket client) throws IOException {
    Socket upstream;
    try {
      upstream = new Socket(targetHost, targetPort);
    } catch (IOException e) {
      client.close();
      throw e;
    }
    client.setTcpNoDelay(true);
    upstream.setTcpNoDelay(true);
    open.add(client);
    open.add(upstream);
    pump(client, upstream);
    pump(upstream, client);
  }

  private void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed or reset: close both
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
  }

  private void closeQuietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
