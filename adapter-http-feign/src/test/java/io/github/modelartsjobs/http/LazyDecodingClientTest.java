package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LazyDecodingClientTest {

  /**
   * The body watchdog closes a compressed body from its own thread while the caller may be in the
   * middle of decompressing it, and the JDK's body stream still hands out the bytes it holds after
   * being closed: the decompressor, ended under the running read, failed with a {@link
   * NullPointerException} ("Inflater has been closed") that left the adapter untyped.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCompressedBodyClosedInTheMiddleOfAReadFailsWithAnIoException(boolean gzip)
      throws IOException {
    ClosedMidRead raw = new ClosedMidRead(compressed(gzip));
    InputStream body = new LazyDecodingClient.DecodeOnFirstRead(raw, gzip);
    raw.body = body;
    byte[] buffer = new byte[64 * 1024];

    Throwable e =
        catchThrowable(
            () -> {
              while (body.read(buffer, 0, buffer.length) >= 0) {
                // reads until the close in the middle of a read
              }
            });

    assertThat(raw.closedMidRead).isTrue();
    assertThat(e).isInstanceOf(IOException.class);
  }

  private static byte[] compressed(boolean gzip) throws IOException {
    byte[] plain = new byte[200_000];
    new Random(11).nextBytes(plain);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  /**
   * A raw body whose third bulk read has the decoding stream closed by another thread (as the
   * watchdog does) and then returns its bytes anyway, as the JDK's body stream does with the bytes
   * it already holds.
   */
  private static final class ClosedMidRead extends InputStream {

    private final byte[] bytes;

    private int position;

    private int bulkReads;

    volatile InputStream body;

    volatile boolean closedMidRead;

    ClosedMidRead(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len > 1 && ++bulkReads == 3) {
        closeFromAnotherThread();
      }
      if (position == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 512), bytes.length - position);
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }

    private void closeFromAnotherThread() throws IOException {
      Thread watchdog =
          new Thread(
              () -> {
                try {
                  body.close();
                  closedMidRead = true;
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      watchdog.start();
      try {
        watchdog.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }
}
