package io.github.modelartsjobs.http;

import java.io.ByteArrayOutputStream;
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
 * A raw HTTP server on 127.0.0.1 for misbehaviour no HTTP library will stage: whatever bytes a
 * script writes, as slowly as it likes. Each connection runs on its own daemon thread; the script
 * answers each request head read from it, and may keep the connection for the next request, close
 * it, or hold it open without a word until the server is closed.
 */
final class RawServer implements AutoCloseable {

  /** Answers one request. */
  interface Script {

    /**
     * Writes the answer.
     *
     * @param index the number of the request, from 0, over all connections
     * @param head the request line and headers, as ISO-8859-1 text
     * @param out the connection's output
     * @return true to keep the connection for another request, false to close it
     */
    boolean answer(int index, String head, OutputStream out)
        throws IOException, InterruptedException;
  }

  private final ServerSocket socket;

  private final Script script;

  private final AtomicInteger requests = new AtomicInteger();

  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  RawServer(Script script) throws IOException {
    this.socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    this.script = script;
    Thread acceptor = new Thread(this::accept, "raw-server-acceptor");
    acceptor.setDaemon(true);
    threads.add(acceptor);
    acceptor.start();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.add(connection);
        Thread handler = new Thread(() -> serve(connection), "raw-server-connection");
        handler.setDaemon(true);
        threads.add(handler);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      for (String head = readHead(in); head != null; head = readHead(in)) {
        int index = requests.getAndIncrement();
        boolean keep = script.answer(index, head, out);
        out.flush();
        if (!keep) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads one request head (a GET carries no body); null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Writes text as ISO-8859-1 bytes and flushes. */
  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A whole answer with a body of known length, as ISO-8859-1 text. */
  static void answer(OutputStream out, int status, String extraHeaders, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    write(
        out,
        "HTTP/1.1 "
            + status
            + " X\r\nContent-Type: application/json\r\n"
            + extraHeaders
            + "Content-Length: "
            + bytes.length
            + "\r\n\r\n");
    out.write(bytes);
    out.flush();
  }

  /** Holds the connection open and silent until the server is closed. */
  static boolean hold() throws InterruptedException {
    Thread.sleep(Long.MAX_VALUE);
    return false;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** The request heads read so far. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : connections) {
      connection.close();
    }
    for (Thread thread : threads) {
      thread.interrupt();
    }
  }
}
