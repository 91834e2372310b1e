package io.fleetcare.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class BufferedSocketFactoryTest {
  @Test
  void socketsHandOutOneBufferedStreamThatDeliversEveryByte() throws Exception {
    byte[] sent = new byte[100_000];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = (byte) (i * 31);
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (Socket peer = server.accept();
                        OutputStream out = peer.getOutputStream()) {
                      out.write(sent);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
      // As Paho does: an unconnected socket from the factory, then connect.
      try (Socket socket = BufferedSocketFactory.INSTANCE.createSocket()) {
        socket.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        InputStream in = socket.getInputStream();
        assertThat(in).isInstanceOf(BufferedInputStream.class).isSameAs(socket.getInputStream());
        byte[] received = new byte[sent.length];
        for (int i = 0; i < received.length; i++) {
          int b = in.read(); // one byte at a time, like Paho's counting stream
          assertThat(b).isNotNegative();
          received[i] = (byte) b;
        }
        assertThat(received).isEqualTo(sent);
        assertThat(in.read()).isEqualTo(-1);
      }
      writer.join();
    }
  }
}
