package io.github.modelartsjobs.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as a stream, fed by the JDK's HTTP client as its bytes arrive, like the JDK's own
 * {@code BodyHandlers.ofInputStream()} with two differences: a read waiting for bytes ends when its
 * thread is interrupted, with an {@link InterruptedIOException} and the interrupt flag set again
 * (the JDK's stream swallows the interrupt and goes on waiting); and once closed, from any thread,
 * every read fails with an {@link IOException}, bytes already received or not.
 *
 * <p>One thread reads; any thread may close. A failure of the connection ends the reads with an
 * {@link IOException} whose cause is that failure.
 */
final class InterruptibleBody extends InputStream
    implements HttpResponse.BodySubscriber<InputStream> {

  /** Put in the queue at the end of the body (or on close); a list of its own, told by identity. */
  private static final List<ByteBuffer> END = Collections.unmodifiableList(new ArrayList<>());

  private final BlockingQueue<List<ByteBuffer>> lists = new LinkedBlockingQueue<>();

  private volatile Flow.Subscription subscription;

  private volatile Throwable failure;

  private volatile boolean closed;

  /** The rest of the list being read; reading thread only. */
  private Iterator<ByteBuffer> list;

  /** The buffer being read; reading thread only. */
  private ByteBuffer current;

  /** True once the end was taken from the queue; reading thread only. */
  private boolean ended;

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    lists.offer(items);
  }

  @Override
  public void onError(Throwable t) {
    failure = t;
    lists.offer(END);
  }

  @Override
  public void onComplete() {
    lists.offer(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("closed");
    }
    if (len == 0) {
      return 0;
    }
    ByteBuffer buffer = current();
    if (buffer == null) {
      return -1;
    }
    int n = Math.min(buffer.remaining(), len);
    buffer.get(b, off, n);
    return n;
  }

  /** The buffer with the next bytes, waiting for it if need be; null at the end of the body. */
  private ByteBuffer current() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (closed) {
        throw new IOException("closed");
      }
      if (ended) {
        Throwable t = failure;
        if (t != null) {
          throw new IOException(t.getMessage(), t);
        }
        return null;
      }
      if (list != null && list.hasNext()) {
        current = list.next();
        continue;
      }
      List<ByteBuffer> next;
      try {
        next = lists.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the body");
      }
      if (next == END) {
        ended = true;
        continue;
      }
      list = next.iterator();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
    }
    return current;
  }

  /** The bytes readable without waiting: those of the current buffer, else 1 if more are queued. */
  @Override
  public int available() {
    if (closed) {
      return 0;
    }
    if (current != null && current.hasRemaining()) {
      return current.remaining();
    }
    if (ended || (list != null && list.hasNext())) {
      return 1;
    }
    return lists.isEmpty() ? 0 : 1;
  }

  /** Cancels the body and ends a waiting read with an {@link IOException}; from any thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    lists.offer(END);
  }
}
