package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.error.ServiceUnavailableException;
import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.JobDetailsAdapters;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many calls at once through the public API against a loopback stub that fails a share of the
 * attempts: every call ends with the right job or a typed error, the attempts stay within the retry
 * budget, the breaker stays closed below its threshold, opens above it and closes again, and
 * threads and connections come back to where they started.
 *
 * <p>The test command runs a trimmed form (2,000 calls at 16). The full form (20,000 calls at 64)
 * runs with {@code -Dload.full=true}; {@code -Dload.seed=...} replays the faults of a run.
 */
class LoadWithFaultsTest {

  static final boolean FULL = Boolean.getBoolean("load.full");

  static final long SEED = Long.getLong("load.seed", System.nanoTime());

  static final int MAX_ATTEMPTS = 3;

  private static final Duration OPEN_DURATION = Duration.ofMillis(800);

  /** More successes in a row than the breaker's half-open trials. */
  private static final int TRIALS_TO_CLOSE = 5;

  @Test
  void everyCallEndsWithTheRightJobOrATypedErrorWithinTheRetryBudget() throws Exception {
    int calls = FULL ? 20_000 : 2_000;
    int concurrency = FULL ? 64 : 16;
    Duration bound = FULL ? Duration.ofMinutes(10) : Duration.ofSeconds(90);
    try (FaultyStub stub = new FaultyStub(SEED)) {
      stub.faults(0.05, 0.05, 0.01);
      Set<Thread> before = liveThreads();
      LoadRun run = new LoadRun(calls, concurrency, 7, 1);
      BreakerTransitions transitions = new BreakerTransitions();

      assertTimeoutPreemptively(
          bound,
          () -> {
            try (JobDetailsPort port = port(stub)) {
              run.run(port);
            }
          },
          () -> "the load run did not end within " + bound + " (seed " + SEED + ")");
      System.out.println("load with faults: " + run.figures(stub));
      transitions.close();

      assertThat(run.untyped).as("errors that are not typed (seed %d)", SEED).isEmpty();
      assertThat(transitions.all()).as("breaker transitions at 10%% faults").isEmpty();
      assertThat(run.wrongJob.get()).as("calls answered with another job").isZero();
      assertThat(run.rightJob.get() + run.errors()).isEqualTo(calls);
      assertThat(run.rightJob.get())
          .as("calls that got their job despite 10%% faults (seed %d)", SEED)
          .isGreaterThanOrEqualTo(calls * 98L / 100);
      assertThat(run.errorCounts().keySet())
          .as("kinds of error for 503s and resets")
          .isSubsetOf("ServiceUnavailableException");
      assertThat(stub.unmatched.get()).as("requests to unknown paths").isZero();
      assertThat(stub.attempts.get()).isLessThanOrEqualTo((long) calls * MAX_ATTEMPTS);
      assertAttemptsPerCall(stub, run);
      assertSettles(before, stub);
    }
  }

  @Test
  void breakerOpensOnlyWhenFailuresPassTheThresholdAndClosesAgain() throws Exception {
    try (FaultyStub stub = new FaultyStub(SEED)) {
      Set<Thread> before = liveThreads();
      try (JobDetailsPort port = port(stub);
          BreakerTransitions transitions = new BreakerTransitions()) {
        stub.faults(0.05, 0.05, 0);
        LoadRun below = new LoadRun(400, 8, 8, 1).run(port);

        assertThat(transitions.all()).as("breaker transitions at 10%% faults").isEmpty();

        assertThat(below.untyped).isEmpty();
        assertThat(callsThatNeverReachedTheStub(stub, below))
            .as("calls failed fast by an open breaker at 10%% faults (seed %d)", SEED)
            .isZero();

        stub.faults(1.0, 0, 0);
        long attemptsBefore = stub.attempts.get();
        LoadRun failing = new LoadRun(300, 8, 8, 10_001).run(port);
        long failingAttempts = stub.attempts.get() - attemptsBefore;

        assertThat(failing.untyped).isEmpty();
        assertThat(failing.errorCounts()).containsOnlyKeys("ServiceUnavailableException");
        assertThat(callsThatNeverReachedTheStub(stub, failing))
            .as("calls failed fast once every attempt failed")
            .isGreaterThan(200);
        assertThat(failingAttempts)
            .as("attempts that reached the stub while it failed them all")
            .isLessThan(300L * MAX_ATTEMPTS / 4);
        assertThat(transitions.all()).as("breaker transitions").startsWith("CLOSED to OPEN");

        long reopenedAfter = reopenAfterAProbe(stub, port);

        assertThat(reopenedAfter)
            .as("a half-open probe failed and the breaker opened again")
            .isPositive();

        stub.faults(0, 0, 0);
        ModelArtsException whileOpen = callThatFailsFast(stub, port);
        long closedAt = waitUntilACallSucceeds(port, Duration.ofSeconds(10));
        LoadRun healthy = new LoadRun(300, 8, 8, 30_001).run(port);

        assertThat(whileOpen).isInstanceOf(ServiceUnavailableException.class);
        assertThat(transitions.all())
            .as("breaker transitions")
            .contains("OPEN to HALF_OPEN", "HALF_OPEN to OPEN")
            .endsWith("HALF_OPEN to CLOSED");
        assertThat(closedAt).as("breaker closed again within 10 s").isPositive();
        assertThat(Duration.ofNanos(closedAt - reopenedAfter))
            .as("time from the failed probe to the first success")
            .isGreaterThanOrEqualTo(OPEN_DURATION.minusMillis(20));
        assertThat(healthy.rightJob.get())
            .as(
                "calls after the breaker closed; errors %s, first: %s",
                healthy.errorCounts(), healthy.firstError())
            .isEqualTo(300);
      }
      assertSettles(before, stub);
    }
  }

  // ---------------------------------------------------------------------------------------------

  static JobDetailsPort port(FaultyStub stub) {
    return port(stub, Map.of());
  }

  static JobDetailsPort port(FaultyStub stub, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>();
    settings.put("endpoint", stub.endpoint());
    settings.put("project-id", FaultyStub.PROJECT);
    settings.put("auth-token", "load-test-token");
    settings.put("connect-timeout", "2s");
    settings.put("read-timeout", "3s");
    settings.put("call-timeout", "20s");
    settings.put("retry-max-attempts", String.valueOf(MAX_ATTEMPTS));
    settings.put("retry-initial-backoff", "1ms");
    settings.put("retry-max-backoff", "20ms");
    settings.put("breaker-failure-rate", "50");
    settings.put("breaker-minimum-calls", "20");
    settings.put("breaker-window", "50");
    settings.put("breaker-open-duration", OPEN_DURATION.toMillis() + "ms");
    settings.putAll(more);
    return JobDetailsAdapters.create("http", AdapterSettings.of(settings));
  }

  /**
   * With every attempt failing, calls one after another until one reaches the stub (a half-open
   * probe) and the next does not; returns when that probe started, by {@link System#nanoTime}.
   */
  private static long reopenAfterAProbe(FaultyStub stub, JobDetailsPort port) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long version = 20_000;
    long probeStart = -1;
    while (System.nanoTime() < deadline) {
      long start = System.nanoTime();
      long v = version++;
      try {
        port.versionDetails(new JobVersionRef(8, v));
        throw new AssertionError("a call succeeded while every attempt failed");
      } catch (ServiceUnavailableException e) {
        boolean reached = stub.attemptsAt(8, v) > 0;
        if (reached) {
          probeStart = start;
        } else if (probeStart > 0) {
          return probeStart;
        }
      }
      pause(Duration.ofMillis(10));
    }
    return -1;
  }

  private static ModelArtsException callThatFailsFast(FaultyStub stub, JobDetailsPort port) {
    try {
      port.versionDetails(new JobVersionRef(8, 29_999));
    } catch (ModelArtsException e) {
      assertThat(stub.attemptsAt(8, 29_999)).as("attempts while the breaker was open").isZero();
      return e;
    }
    throw new AssertionError("a call succeeded while the breaker should have been open");
  }

  /**
   * Calls one after another until one succeeds, then until {@link #TRIALS_TO_CLOSE} succeed in a
   * row (the breaker lets a few trial attempts through while half-open and fails the calls that
   * come meanwhile); returns when the first success came, by {@link System#nanoTime}, or -1.
   */
  private static long waitUntilACallSucceeds(JobDetailsPort port, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    long version = 40_000;
    long firstSuccess = -1;
    int inARow = 0;
    while (System.nanoTime() < deadline && inARow < TRIALS_TO_CLOSE) {
      try {
        port.versionDetails(new JobVersionRef(8, version++));
        firstSuccess = firstSuccess < 0 ? System.nanoTime() : firstSuccess;
        inARow++;
      } catch (ServiceUnavailableException e) {
        inARow = 0;
        pause(Duration.ofMillis(5));
      }
    }
    return inARow == TRIALS_TO_CLOSE ? firstSuccess : -1;
  }

  /**
   * Checks the attempts the stub counted for each call. The adapter makes at most {@link
   * #MAX_ATTEMPTS}; the JDK's HTTP client may replay one of them once, unseen by the adapter, when
   * a reused keep-alive connection fails before any answer (a request it takes for one that never
   * arrived). So a call may reach the stub up to twice as often, which the test allows for a few
   * calls only; over the whole run the attempts stay within calls times {@link #MAX_ATTEMPTS}.
   */
  static void assertAttemptsPerCall(FaultyStub stub, LoadRun run) {
    long replayed = 0;
    long overTwice = 0;
    long neverSent = 0;
    long failedEarly = 0;
    List<String> examples = new java.util.ArrayList<>();
    for (int i = 0; i < run.calls; i++) {
      long version = run.firstVersion + i;
      int attempts = stub.attemptsAt(run.jobId, version);
      if (attempts > MAX_ATTEMPTS) {
        replayed++;
        if (examples.size() < 5) {
          examples.add("version " + version + ": " + attempts + " attempts");
        }
      }
      if (attempts > 2 * MAX_ATTEMPTS) {
        overTwice++;
      }
      if (attempts == 0) {
        neverSent++;
      }
      if (run.failedVersions.containsKey(version) && attempts < MAX_ATTEMPTS) {
        failedEarly++;
      }
    }
    System.out.printf(
        "calls replayed by the JDK client past %d attempts: %d %s%n",
        MAX_ATTEMPTS, replayed, examples);
    assertThat(overTwice)
        .as("calls with more than twice %d attempts (seed %d)", MAX_ATTEMPTS, SEED)
        .isZero();
    assertThat(replayed)
        .as("calls past %d attempts (seed %d): %s", MAX_ATTEMPTS, SEED, examples)
        .isLessThanOrEqualTo(run.calls / 100L);
    assertThat(stub.attempts.get()).isLessThanOrEqualTo((long) run.calls * MAX_ATTEMPTS);
    assertThat(neverSent).as("calls that never reached the stub (seed %d)", SEED).isZero();
    assertThat(failedEarly).as("failed calls that gave up before their last attempt").isZero();
  }

  /** Stands for a call that ended with its job, in messages. */
  private static final class TrainingJobOk {}

  static long callsThatNeverReachedTheStub(FaultyStub stub, LoadRun run) {
    long never = 0;
    for (int i = 0; i < run.calls; i++) {
      if (stub.attemptsAt(run.jobId, run.firstVersion + i) == 0) {
        never++;
      }
    }
    return never;
  }

  // ---------------------------------------------------------------------------------------------
  // Threads and connections

  /**
   * The threads that are alive now. Workers of the JVM-wide common pool are left out: the JVM keeps
   * at most one per core and ends them when idle, whoever started them.
   */
  static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker"))
        .filter(t -> !isTheStubs(t))
        .collect(Collectors.toSet());
  }

  /** Whether a thread belongs to the stub server (Jetty's pool and scheduler), not to the port. */
  static boolean isTheStubs(Thread t) {
    String name = t.getName();
    return name.startsWith("qtp")
        || name.startsWith("Connector-Scheduler")
        || name.startsWith("WireMock");
  }

  /**
   * Waits, polling, until no thread is alive that was not before and the stub holds no connection.
   * Each poll asks for a garbage collection: on Java 17 the JDK's HTTP client has no {@code
   * close()}, and its selector thread and pooled connections end once the closed port has let go of
   * it and it has been collected, which a long-running service does on its own.
   */
  static void assertSettles(Set<Thread> before, FaultyStub stub) {
    boolean settled =
        poll(
            Duration.ofSeconds(15),
            () -> newThreads(before).isEmpty() && stub.openConnections.get() == 0);

    assertThat(settled)
        .as(
            "threads and connections back to their starting level after close; new threads: %s,"
                + " connections still open at the stub: %d",
            newThreads(before).stream().map(Thread::getName).sorted().toList(),
            stub.openConnections.get())
        .isTrue();
  }

  static List<Thread> newThreads(Set<Thread> before) {
    return liveThreads().stream().filter(t -> !before.contains(t)).toList();
  }

  static boolean poll(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      System.gc();
      pause(Duration.ofMillis(20));
    }
    return condition.getAsBoolean();
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
