package io.github.modelartsjobs.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
 * <p>One watchdog thread serves every call of a port. It starts at the first read that could block,
 * looks at the reads it guards every 10 ms (so both bounds fire within 10 ms of being due), sleeps
 * while there is none, and ends on {@link #close()} or after {@link #KEEP_ALIVE} without a read to
 * guard (a port never closed keeps no thread). A read is put under guard only when it could block:
 * a body already in memory, as a small one often is, is read without any bookkeeping. Thread-safe.
 */
final class BodyReader implements AutoCloseable {

  private static final int CHUNK = 16 * 1024;

  /**
   * The most bytes reserved for a body before they arrive, whatever its {@code Content-Length}
   * says: a larger body grows its array as it comes, so that a length announced but not sent costs
   * no memory.
   */
  private static final int MAX_PRESIZE = 1024 * 1024;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Clock clock;

  /** How often the watchdog looks at the reads it guards: the precision of both time bounds. */
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** How long the watchdog thread outlives the last guarded read, by default. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

  private final long keepAliveNanos;

  /** The reads that could block, each until it ends. */
  private final Set<Watch> guarded = ConcurrentHashMap.newKeySet();

  private final Object lifecycle = new Object();

  /** The watchdog thread, started at the first guarded read; null before and after close. */
  private Thread watchdog;

  private volatile boolean closed;

  /** True while the watchdog sleeps with nothing to guard, until a read wakes it. */
  private volatile boolean sleeping;

  BodyReader(Clock clock) {
    this(clock, KEEP_ALIVE);
  }

  /**
   * A reader whose watchdog thread ends when it had no read to guard for {@code keepAlive} (and
   * starts again at the next), so that a port never closed keeps no thread for good.
   */
  BodyReader(Clock clock, Duration keepAlive) {
    this.clock = clock;
    this.keepAliveNanos = keepAlive.toNanos();
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
      int initial =
          (int)
              Math.min(declaredLength >= 0 ? declaredLength : CHUNK, Math.min(limit, MAX_PRESIZE));
      Watch watch = new Watch(in, deadline, idleTimeout);
      try {
        return readAll(in, initial, limit, truncate, deadline, watch);
      } catch (IOException e) {
        throw watch.fired != null ? watch.timedOut(e) : e;
      } finally {
        watch.disarm();
      }
    }
  }

  /**
   * Reads to the end of the stream into an array that starts at the announced length (up to {@link
   * #MAX_PRESIZE}) and doubles as needed. The watchdog is armed at the first read that could block
   * ({@code available()} says no byte is there): a body already in memory, as a small one usually
   * is, is read without it.
   */
  private byte[] readAll(
      InputStream in, int initial, int limit, boolean truncate, Deadline deadline, Watch watch)
      throws IOException {
    byte[] bytes = new byte[Math.max(initial, 16)];
    int size = 0;
    while (true) {
      if (deadline.passed()) {
        watch.fired = Watch.DEADLINE;
        throw watch.timedOut(null);
      }
      if (size == bytes.length) {
        long next = Math.min((long) bytes.length * 2, (long) limit + 1);
        bytes = Arrays.copyOf(bytes, (int) Math.min(next, Integer.MAX_VALUE - 8));
      }
      if (!watch.armed && in.available() <= 0) {
        watch.arm();
      }
      int n = in.read(bytes, size, bytes.length - size);
      if (watch.fired != null) {
        throw watch.timedOut(null);
      }
      if (n < 0) {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
      }
      watch.progress();
      if ((long) size + n > limit) {
        if (!truncate) {
          throw new TooLargeException(limit);
        }
        return Arrays.copyOf(bytes, limit);
      }
      size += n;
    }
  }

  /** Stops the watchdog thread; reads that are still running lose their stall guard. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      closed = true;
      if (watchdog != null) {
        LockSupport.unpark(watchdog);
        watchdog = null;
      }
    }
  }

  /** Whether the watchdog thread was started (for tests). */
  boolean watchdogStarted() {
    synchronized (lifecycle) {
      return watchdog != null;
    }
  }

  /** The watchdog thread, or null (for tests). */
  Thread watchdogThread() {
    synchronized (lifecycle) {
      return watchdog;
    }
  }

  /**
   * Puts a read under guard. Cheap: no thread is woken unless the watchdog sleeps for lack of work.
   */
  private void guard(Watch watch) throws IOException {
    Thread current;
    synchronized (lifecycle) {
      if (closed) {
        throw new IOException("the port is closed");
      }
      if (watchdog == null) {
        watchdog = daemon("modelarts-http-watchdog-").newThread(this::watch);
        watchdog.start();
      }
      // added under the lock, so that a watchdog ending for lack of work cannot miss it
      guarded.add(watch);
      current = watchdog;
    }
    if (sleeping) {
      LockSupport.unpark(current);
    }
  }

  /**
   * The watchdog's loop: every tick, fires the watches whose deadline passed or whose body stalled;
   * sleeps without ticking while no read is guarded; ends on close, or once it had nothing to guard
   * for the keep-alive.
   */
  private void watch() {
    long idleSince = System.nanoTime();
    while (!closed) {
      if (guarded.isEmpty()) {
        if (System.nanoTime() - idleSince >= keepAliveNanos && endIfIdle()) {
          return;
        }
        sleeping = true;
        if (guarded.isEmpty() && !closed) {
          LockSupport.parkNanos(this, keepAliveNanos);
        }
        sleeping = false;
        continue;
      }
      for (Watch watch : guarded) {
        if (watch.check()) {
          guarded.remove(watch);
        }
      }
      LockSupport.parkNanos(this, TICK_NANOS);
      idleSince = System.nanoTime();
    }
    guarded.clear();
  }

  /** Ends the watchdog thread unless a read was put under guard meanwhile. */
  private boolean endIfIdle() {
    synchronized (lifecycle) {
      if (!guarded.isEmpty()) {
        return false;
      }
      if (watchdog == Thread.currentThread()) {
        watchdog = null;
      }
      return true;
    }
  }

  /** Closes one body when it stalls or the deadline passes. */
  private final class Watch {

    static final String DEADLINE = "deadline";

    static final String STALLED = "stalled";

    private final InputStream in;

    private final Deadline deadline;

    private final Duration idleTimeout;

    private volatile Instant lastProgress;

    volatile String fired;

    private boolean done;

    /** Read and written by the reading thread only. */
    boolean armed;

    Watch(InputStream in, Deadline deadline, Duration idleTimeout) {
      this.in = in;
      this.deadline = deadline;
      this.idleTimeout = idleTimeout;
      this.lastProgress = clock.instant();
    }

    void progress() {
      if (armed) {
        lastProgress = clock.instant();
      }
    }

    /** Puts the read under guard, before its first read that could block. */
    void arm() throws IOException {
      armed = true;
      lastProgress = clock.instant();
      guard(this);
    }

    /** Ends the guard; after this the watchdog leaves the stream alone. */
    void disarm() {
      if (!armed) {
        return;
      }
      synchronized (this) {
        done = true;
      }
      guarded.remove(this);
    }

    /** Fires when due; true once this watch needs no more looking at. */
    synchronized boolean check() {
      if (done) {
        return true;
      }
      if (deadline.passed()) {
        fire(DEADLINE);
      } else if (Duration.between(lastProgress, clock.instant()).compareTo(idleTimeout) >= 0) {
        fire(STALLED);
      }
      return done;
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
