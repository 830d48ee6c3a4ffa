package io.github.modelartsjobs.http;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs many version-details calls at a fixed concurrency through a port and keeps what each call
 * ended with: the right job, a wrong job, a typed error (counted by kind), or anything else.
 *
 * <p>Each call asks for its own version ({@code versionId = first + index}), so the stub's count of
 * attempts per path tells how many HTTP attempts that one call made.
 */
final class LoadRun {

  final int calls;
  final int concurrency;
  final long jobId;
  final long firstVersion;

  final AtomicLong rightJob = new AtomicLong();
  final AtomicLong wrongJob = new AtomicLong();
  final Map<String, AtomicLong> errorsByKind = new ConcurrentHashMap<>();
  final Queue<Throwable> untyped = new ConcurrentLinkedQueue<>();
  final Queue<ModelArtsException> typedErrors = new ConcurrentLinkedQueue<>();
  final Map<Long, Class<?>> failedVersions = new ConcurrentHashMap<>();
  private final AtomicLongArray latencyNanos;
  long wallNanos;

  LoadRun(int calls, int concurrency, long jobId, long firstVersion) {
    this.calls = calls;
    this.concurrency = concurrency;
    this.jobId = jobId;
    this.firstVersion = firstVersion;
    this.latencyNanos = new AtomicLongArray(calls);
  }

  /** Runs every call, then waits for all of them; the pool's threads are gone on return. */
  LoadRun run(JobDetailsPort port) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, named("load"));
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    call(port, i);
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      wallNanos = System.nanoTime() - start;
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    return this;
  }

  private void call(JobDetailsPort port, int index) {
    JobVersionRef ref = new JobVersionRef(jobId, firstVersion + index);
    long start = System.nanoTime();
    try {
      TrainingJob job = port.versionDetails(ref);
      if (job.ref().equals(ref)) {
        rightJob.incrementAndGet();
      } else {
        wrongJob.incrementAndGet();
      }
    } catch (ModelArtsException e) {
      errorsByKind
          .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
          .incrementAndGet();
      typedErrors.add(e);
      failedVersions.put(ref.versionId(), e.getClass());
    } catch (Throwable t) {
      untyped.add(t);
      failedVersions.put(ref.versionId(), t.getClass());
    } finally {
      latencyNanos.set(index, System.nanoTime() - start);
    }
  }

  /** The message of the first typed error, or "none". */
  String firstError() {
    ModelArtsException first = typedErrors.peek();
    return first == null ? "none" : first.getMessage();
  }

  long errors() {
    return errorsByKind.values().stream().mapToLong(AtomicLong::get).sum();
  }

  Map<String, Long> errorCounts() {
    Map<String, Long> out = new TreeMap<>();
    errorsByKind.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The latency at a percentile from 0 to 100, in milliseconds. */
  double percentileMillis(double percentile) {
    long[] sorted = new long[calls];
    for (int i = 0; i < calls; i++) {
      sorted[i] = latencyNanos.get(i);
    }
    Arrays.sort(sorted);
    int at = (int) Math.min(calls - 1, Math.ceil(percentile / 100 * calls) - 1);
    return sorted[Math.max(0, at)] / 1e6;
  }

  String figures(FaultyStub stub) {
    double seconds = wallNanos / 1e9;
    return String.format(
        "calls %d at concurrency %d: wall %.1f s, %.0f calls/s, right job %d, wrong job %d,"
            + " typed errors %s, other errors %d; stub attempts %d (200: %d, 503: %d,"
            + " reset: %d, slow: %d); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " connections opened %d, most open at once %d; seed %d",
        calls,
        concurrency,
        seconds,
        calls / seconds,
        rightJob.get(),
        wrongJob.get(),
        errorCounts(),
        untyped.size(),
        stub.attempts.get(),
        stub.answered200.get(),
        stub.answered503.get(),
        stub.resets.get(),
        stub.slow.get(),
        percentileMillis(50),
        percentileMillis(99),
        percentileMillis(100),
        stub.connectionsOpened.get(),
        stub.mostOpenConnections.get(),
        stub.seed);
  }

  static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
