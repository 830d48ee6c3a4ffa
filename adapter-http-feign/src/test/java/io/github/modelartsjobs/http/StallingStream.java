package io.github.modelartsjobs.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A body stream that gives ten bytes, then blocks until it is closed, when the blocked read fails:
 * as the body stream of the JDK's HTTP client does for a body that stalls.
 */
final class StallingStream extends InputStream {

  private final CountDownLatch closed = new CountDownLatch(1);

  private boolean given;

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0];
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!given) {
      given = true;
      return Math.min(len, 10);
    }
    try {
      if (closed.await(30, TimeUnit.SECONDS)) {
        throw new IOException("closed");
      }
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
