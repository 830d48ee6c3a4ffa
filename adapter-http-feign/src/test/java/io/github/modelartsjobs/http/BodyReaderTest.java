package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

  private final Clock clock = Clock.systemUTC();

  private final BodyReader reader = new BodyReader(clock);

  @AfterEach
  void close() {
    reader.close();
  }

  private Deadline deadline(Duration d) {
    return Deadline.after(clock, d);
  }

  @Test
  void readsAWholeBody() throws IOException {
    byte[] body = "{\"a\": 1}".getBytes();

    byte[] read =
        reader.read(
            new ByteArrayInputStream(body),
            body.length,
            100,
            false,
            deadline(Duration.ofSeconds(5)),
            Duration.ofSeconds(5));

    assertThat(read).isEqualTo(body);
  }

  @Test
  void anAnnouncedLengthOverTheLimitFailsBeforeReading() {
    InputStream neverRead =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("must not be read");
          }
        };

    assertThatThrownBy(
            () ->
                reader.read(
                    neverRead,
                    101,
                    100,
                    false,
                    deadline(Duration.ofSeconds(5)),
                    Duration.ofSeconds(5)))
        .isInstanceOf(BodyReader.TooLargeException.class)
        .hasMessage("the body is larger than 100 bytes");
  }

  @Test
  void anErrorBodyOverTheLimitIsCutQuietly() throws IOException {
    byte[] read =
        reader.read(
            new ByteArrayInputStream(new byte[500]),
            -1,
            100,
            true,
            deadline(Duration.ofSeconds(5)),
            Duration.ofSeconds(5));

    assertThat(read).hasSize(100);
  }

  @Test
  void aBodyOfUnknownLengthOneByteOverTheLimitFails() {
    assertThatThrownBy(
            () ->
                reader.read(
                    new ByteArrayInputStream(new byte[101]),
                    -1,
                    100,
                    false,
                    deadline(Duration.ofSeconds(5)),
                    Duration.ofSeconds(5)))
        .isInstanceOf(BodyReader.TooLargeException.class);
  }

  @Test
  void aBodyExactlyAtTheLimitIsReadWholeWhateverItAnnounced() throws IOException {
    byte[] body = new byte[100];
    new Random(7).nextBytes(body);

    byte[] announced =
        reader.read(
            new ByteArrayInputStream(body),
            100,
            100,
            false,
            deadline(Duration.ofSeconds(5)),
            Duration.ofSeconds(5));
    byte[] underAnnounced =
        reader.read(
            new ByteArrayInputStream(body),
            10,
            100,
            false,
            deadline(Duration.ofSeconds(5)),
            Duration.ofSeconds(5));

    assertThat(announced).isEqualTo(body);
    assertThat(underAnnounced).isEqualTo(body);
  }

  @Test
  void anAnnouncedLengthIsNotReservedBeforeTheBytesArrive() throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    byte[] read =
        reader.read(
            new ByteArrayInputStream(new byte[10]),
            256L * 1024 * 1024,
            Integer.MAX_VALUE,
            false,
            deadline(Duration.ofSeconds(5)),
            Duration.ofSeconds(5));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(read).hasSize(10);
    assertThat(allocated).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void aBodyAlreadyInMemoryIsReadWithoutStartingTheWatchdog() throws IOException {
    Clock clock = Clock.systemUTC();
    BodyReader fresh = new BodyReader(clock);

    InputStream inMemory =
        new ByteArrayInputStream(new byte[3000]) {
          @Override
          public synchronized int available() {
            // like the JDK client's body stream: the end is known without blocking
            return Math.max(1, super.available());
          }
        };

    try {
      fresh.read(
          inMemory,
          3000,
          10_000,
          false,
          Deadline.after(clock, Duration.ofSeconds(5)),
          Duration.ofSeconds(5));

      assertThat(fresh.watchdogStarted()).isFalse();
    } finally {
      fresh.close();
    }
  }

  @Test
  void aReadThatCouldBlockStartsTheWatchdogAndCloseEndsIt() throws Exception {
    Clock clock = Clock.systemUTC();
    BodyReader fresh = new BodyReader(clock);
    InputStream noAvailableBytes =
        new ByteArrayInputStream(new byte[10]) {
          @Override
          public synchronized int available() {
            return 0;
          }
        };

    fresh.read(
        noAvailableBytes,
        10,
        100,
        false,
        Deadline.after(clock, Duration.ofSeconds(5)),
        Duration.ofSeconds(5));
    Thread watchdog = fresh.watchdogThread();
    fresh.close();
    watchdog.join(2000);

    assertThat(watchdog.getName()).startsWith("modelarts-http-watchdog-");
    assertThat(watchdog.isAlive()).isFalse();
  }

  /**
   * The watchdog thread used to end only on close: every port dropped without being closed kept a
   * parked thread for the life of the process.
   */
  @Test
  void theWatchdogEndsAfterItsKeepAliveWithoutReadsAndStartsAgainForTheNext() throws Exception {
    BodyReader fresh = new BodyReader(clock, Duration.ofMillis(100));
    try {
      fresh.read(
          new ByteArrayInputStream(new byte[10]) {
            @Override
            public synchronized int available() {
              return 0;
            }
          },
          10,
          100,
          false,
          deadline(Duration.ofSeconds(5)),
          Duration.ofSeconds(5));
      Thread first = fresh.watchdogThread();

      first.join(3000);
      long start = System.nanoTime();
      Throwable stalled =
          catchThrowable(
              () ->
                  fresh.read(
                      new StallingStream(),
                      -1,
                      1000,
                      false,
                      deadline(Duration.ofSeconds(30)),
                      Duration.ofMillis(200)));

      assertThat(first.isAlive()).isFalse();
      assertThat(stalled).isInstanceOf(BodyReader.TimedOutException.class);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    } finally {
      fresh.close();
    }
  }

  @Test
  void aTricklingStreamFailsAtTheDeadline() {
    InputStream trickle =
        new InputStream() {
          @Override
          public int read() throws IOException {
            pause(20);
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            b[off] = (byte) read();
            return 1;
          }
        };
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                reader.read(
                    trickle,
                    -1,
                    1_000_000,
                    false,
                    deadline(Duration.ofMillis(300)),
                    Duration.ofSeconds(5)))
        .isInstanceOf(BodyReader.TimedOutException.class)
        .hasMessage("the call deadline of 300ms passed while reading the body");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
  }

  @Test
  void aStalledStreamIsClosedAfterTheIdleTimeout() {
    InputStream stalled = new StallingStream();
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                reader.read(
                    stalled,
                    -1,
                    1000,
                    false,
                    deadline(Duration.ofSeconds(30)),
                    Duration.ofMillis(200)))
        .isInstanceOf(BodyReader.TimedOutException.class)
        .hasMessage("no data for 200ms while reading the body")
        .satisfies(e -> assertThat(((BodyReader.TimedOutException) e).deadline).isFalse());
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
