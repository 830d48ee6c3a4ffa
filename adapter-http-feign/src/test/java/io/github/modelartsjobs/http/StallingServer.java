package io.github.modelartsjobs.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server on 127.0.0.1 for the one fault WireMock cannot stage: it answers the head and
 * the first half of a body at once, then sends nothing more until it is closed.
 */
final class StallingServer implements AutoCloseable {

  private final ServerSocket socket;

  private final AtomicInteger requests = new AtomicInteger();

  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private final Thread acceptor;

  StallingServer(String body) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket connection = socket.accept();
                  open.add(connection);
                  readHead(connection.getInputStream());
                  requests.incrementAndGet();
                  OutputStream out = connection.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                              + bytes.length
                              + "\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(bytes, 0, bytes.length / 2);
                  out.flush();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** The requests received. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : open) {
      connection.close();
    }
  }
}
