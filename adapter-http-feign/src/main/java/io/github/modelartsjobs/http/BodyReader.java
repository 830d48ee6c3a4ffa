package io.github.modelartsjobs.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads response bodies on the calling thread, bounded in size and in time.
 *
 * <p>The size bound counts the bytes as they arrive, so a body larger than the limit fails as soon
 * as the limit is passed (or at once, when {@code Content-Length} announces it). The time bound has
 * two parts: the call deadline is checked after every chunk, so a body trickling in one byte at a
 * time fails at the deadline; and a watchdog closes the stream when no byte arrived for the read
 * timeout or the deadline passed, so a body that stalls completely cannot block forever either (the
 * JDK's HTTP client has no timeout of its own for reading a body).
 *
 * <p>One watchdog thread serves every call of a port; it ends after a few idle seconds, and for
 * good on {@link #close()}. Thread-safe.
 */
final class BodyReader implements AutoCloseable {

  private static final int CHUNK = 16 * 1024;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Clock clock;

  private final ScheduledThreadPoolExecutor watchdog;

  BodyReader(Clock clock) {
    this.clock = clock;
    this.watchdog = new ScheduledThreadPoolExecutor(1, daemon("modelarts-http-watchdog-"));
    watchdog.setRemoveOnCancelPolicy(true);
    watchdog.setKeepAliveTime(5, TimeUnit.SECONDS);
    watchdog.allowCoreThreadTimeOut(true);
    watchdog.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  static ThreadFactory daemon(String prefix) {
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The body was larger than allowed. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    final long limit;

    TooLargeException(long limit) {
      super("the body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** The body did not arrive in time: the call deadline passed, or it stalled. */
  static final class TimedOutException extends IOException {
    private static final long serialVersionUID = 1L;

    final boolean deadline;

    TimedOutException(boolean deadline, String message) {
      super(message);
      this.deadline = deadline;
    }
  }

  /**
   * Reads a body to its end and closes it.
   *
   * @param in the body
   * @param declaredLength the {@code Content-Length}, or -1 when unknown
   * @param limit the most bytes accepted
   * @param truncate true to stop quietly at the limit (for error bodies, of which an excerpt is
   *     enough), false to fail with {@link TooLargeException}
   * @param deadline the call deadline
   * @param idleTimeout the longest wait for the next bytes
   * @return the bytes read
   * @throws TooLargeException if the body passes the limit and {@code truncate} is false
   * @throws TimedOutException if the deadline passed or the body stalled
   * @throws IOException if reading failed, such as a connection reset in the middle of the body
   */
  byte[] read(
      InputStream in,
      long declaredLength,
      int limit,
      boolean truncate,
      Deadline deadline,
      Duration idleTimeout)
      throws IOException {
    try (in) {
      if (declaredLength > limit && !truncate) {
        throw new TooLargeException(limit);
      }
      int initial = (int) Math.min(declaredLength >= 0 ? declaredLength : CHUNK, limit);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 16));
      Watch watch = new Watch(in, deadline, idleTimeout);
      watch.arm();
      try {
        readAll(in, out, limit, truncate, deadline, watch);
      } catch (IOException e) {
        throw watch.fired != null ? watch.timedOut(e) : e;
      } finally {
        watch.disarm();
      }
      if (watch.fired != null) {
        throw watch.timedOut(null);
      }
      return out.toByteArray();
    }
  }

  private void readAll(
      InputStream in,
      ByteArrayOutputStream out,
      int limit,
      boolean truncate,
      Deadline deadline,
      Watch watch)
      throws IOException {
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    while (true) {
      if (deadline.passed()) {
        watch.fired = Watch.DEADLINE;
        return;
      }
      int n = in.read(chunk);
      if (n < 0) {
        return;
      }
      watch.progress();
      if (total + n > limit) {
        if (!truncate) {
          throw new TooLargeException(limit);
        }
        out.write(chunk, 0, (int) (limit - total));
        return;
      }
      out.write(chunk, 0, n);
      total += n;
    }
  }

  /** Stops the watchdog thread; reads that are still running lose their stall guard. */
  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  /** Closes one body when it stalls or the deadline passes. */
  private final class Watch implements Runnable {

    static final String DEADLINE = "deadline";

    static final String STALLED = "stalled";

    private final InputStream in;

    private final Deadline deadline;

    private final Duration idleTimeout;

    private volatile Instant lastProgress;

    volatile String fired;

    private ScheduledFuture<?> future;

    private boolean done;

    Watch(InputStream in, Deadline deadline, Duration idleTimeout) {
      this.in = in;
      this.deadline = deadline;
      this.idleTimeout = idleTimeout;
      this.lastProgress = clock.instant();
    }

    void progress() {
      lastProgress = clock.instant();
    }

    synchronized void arm() throws IOException {
      schedule(nextCheck());
    }

    synchronized void disarm() {
      done = true;
      if (future != null) {
        future.cancel(false);
      }
    }

    @Override
    public void run() {
      synchronized (this) {
        if (done) {
          return;
        }
        if (deadline.passed()) {
          fire(DEADLINE);
        } else if (idle().compareTo(idleTimeout) >= 0) {
          fire(STALLED);
        } else {
          try {
            schedule(nextCheck());
          } catch (IOException e) {
            fire(STALLED);
          }
        }
      }
    }

    private Duration idle() {
      return Duration.between(lastProgress, clock.instant());
    }

    private Duration nextCheck() {
      Duration untilStalled = idleTimeout.minus(idle());
      Duration left = deadline.remaining();
      Duration next = untilStalled.compareTo(left) < 0 ? untilStalled : left;
      return next.isNegative() ? Duration.ZERO : next;
    }

    private void schedule(Duration delay) throws IOException {
      try {
        future = watchdog.schedule(this, delay.toNanos() + 1, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        throw new IOException("the port is closed", e);
      }
    }

    private void fire(String reason) {
      fired = reason;
      done = true;
      try {
        in.close();
      } catch (IOException | RuntimeException e) {
        // the reader sees the closed stream; nothing more to do here
      }
    }

    TimedOutException timedOut(IOException cause) {
      TimedOutException e =
          DEADLINE.equals(fired)
              ? new TimedOutException(
                  true,
                  "the call deadline of "
                      + Durations.human(deadline.total())
                      + " passed while reading the body")
              : new TimedOutException(
                  false, "no data for " + Durations.human(idleTimeout) + " while reading the body");
      if (cause != null) {
        e.addSuppressed(cause);
      }
      return e;
    }
  }
}
