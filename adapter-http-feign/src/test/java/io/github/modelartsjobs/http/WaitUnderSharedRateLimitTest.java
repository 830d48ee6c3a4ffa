package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.JobWaiter;
import io.github.modelartsjobs.core.usecase.PollRateLimiter;
import io.github.modelartsjobs.core.usecase.Sleeper;
import io.github.modelartsjobs.core.usecase.WaitListener;
import io.github.modelartsjobs.core.usecase.WaitOptions;
import io.github.modelartsjobs.core.usecase.WaitResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A thousand waits at once, each on its own version, sharing one real-time rate limit: the polls
 * start no faster than the limit, and none reaches the stub before the limiter let it go.
 *
 * <p>The limiter runs on a real clock (monotonic, {@link System#nanoTime}) and the real sleeper,
 * both watched: the clock tells what time the limiter read, the sleeper how long it made the caller
 * wait, so the start time the limiter gave each poll is known exactly. Those start times must hold
 * at most {@code rate * t + 1} in any window of {@code t} seconds, with no allowance. At the stub
 * every poll must arrive, once, and never before its start time; how late it arrives is the jitter
 * of threads waking on a busy machine and of the transport, which the count of requests per second
 * at the stub is allowed (and reported).
 */
class WaitUnderSharedRateLimitTest {

  private static final int WAITS = 1000;

  private static final int POLLS_EACH = 2;

  private static final double RATE = 250;

  private static final long ORIGIN = System.nanoTime();

  @Test
  void aThousandWaitsSharingOneLimitNeverPollFasterThanIt() throws Exception {
    try (FaultyStub stub = new FaultyStub(1)) {
      stub.pollsUntilTerminal = POLLS_EACH;
      stub.recordArrivals = true;
      Watched watched = new Watched();
      PollRateLimiter shared = PollRateLimiter.perSecond(RATE, watched.clock, watched.sleeper);
      List<Long> starts = java.util.Collections.synchronizedList(new ArrayList<>());
      Map<String, Long> startOfPoll = new ConcurrentHashMap<>();
      ThreadLocal<Long> lastStart = new ThreadLocal<>();
      PollRateLimiter counted =
          () -> {
            shared.acquire();
            long start = watched.slot.get();
            starts.add(start);
            lastStart.set(start);
          };
      WaitOptions options =
          WaitOptions.defaults()
              .withTimeout(Duration.ofSeconds(90))
              .withInitialInterval(Duration.ofMillis(10))
              .withMaxInterval(Duration.ofMillis(50))
              .withRateLimiter(counted);
      Map<WaitResult.Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
      AtomicLong pollsSeen = new AtomicLong();

      assertTimeoutPreemptively(
          Duration.ofSeconds(90),
          () -> {
            try (JobDetailsPort port = LoadWithFaultsTest.port(stub, patient())) {
              JobDetailsPort recording = new RecordingPort(port, startOfPoll, lastStart);
              JobWaiter waiter = JobWaiter.system(recording);
              ExecutorService pool = Executors.newFixedThreadPool(WAITS, LoadRun.named("wait"));
              try {
                List<Future<WaitResult>> results = new ArrayList<>();
                for (int v = 1; v <= WAITS; v++) {
                  JobVersionRef ref = new JobVersionRef(9, v);
                  results.add(pool.submit(() -> waiter.waitFor(ref, options, WaitListener.NONE)));
                }
                for (Future<WaitResult> result : results) {
                  WaitResult r = result.get();
                  outcomes.computeIfAbsent(r.outcome(), k -> new AtomicLong()).incrementAndGet();
                  pollsSeen.addAndGet(r.polls());
                }
              } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
              }
            }
          });
      List<Long> startTimes = sorted(starts);
      List<Long> arrivals = new ArrayList<>();
      for (long nanos : stub.arrivalNanos) {
        arrivals.add(nanos - ORIGIN);
      }
      arrivals.sort(Long::compare);
      List<Long> lateness = lateness(stub, startOfPoll);
      long latest = lateness.stream().mapToLong(Long::longValue).max().orElse(0);
      long early = lateness.stream().filter(l -> l < 0).count();
      double spanSeconds = (startTimes.get(startTimes.size() - 1) - startTimes.get(0)) / 1e9;
      System.out.printf(
          "wait under a shared limit of %.0f/s: %d waits, %d polls started over %.2f s"
              + " (%.1f/s); most started in one second %d, most arrived in one second %d;"
              + " arrival after start p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          RATE,
          WAITS,
          startTimes.size(),
          spanSeconds,
          (startTimes.size() - 1) / spanSeconds,
          mostIn(startTimes, 1e9),
          mostIn(arrivals, 1e9),
          percentile(lateness, 50) / 1e6,
          percentile(lateness, 99) / 1e6,
          latest / 1e6);

      assertThat(outcomes.get(WaitResult.Outcome.SUCCEEDED)).hasValue(WAITS);
      assertThat(pollsSeen.get()).isEqualTo((long) WAITS * POLLS_EACH);
      assertThat(startTimes).hasSize(WAITS * POLLS_EACH);
      assertThat(stub.attempts.get())
          .as("requests at the stub")
          .isEqualTo((long) WAITS * POLLS_EACH);
      assertThat(mostIn(startTimes, 1e9)).as("polls started in 1 s").isLessThanOrEqualTo(bound(1));
      assertThat(mostIn(startTimes, 4e9)).as("polls started in 4 s").isLessThanOrEqualTo(bound(4));
      assertThat(lateness).as("polls matched at the stub").hasSize(WAITS * POLLS_EACH);
      assertThat(early).as("polls that reached the stub before their start time").isZero();
      assertThat(mostIn(arrivals, 1e9))
          .as("polls arrived in 1 s, arrivals up to %.1f ms late", latest / 1e6)
          .isLessThanOrEqualTo((int) Math.floor(RATE * (1 + latest / 1e9)) + 1);
    }
  }

  /** Settings that keep a slow machine from failing polls: this test is about the rate alone. */
  private static Map<String, String> patient() {
    return Map.of(
        "connect-timeout", "20s",
        "read-timeout", "30s",
        "call-timeout", "60s",
        "breaker-minimum-calls", "1000",
        "breaker-window", "1000");
  }

  /** {@code rate * seconds + 1}: what the limiter promises for any window. */
  private static int bound(int seconds) {
    return (int) Math.floor(RATE * seconds) + 1;
  }

  /** How much later than its start time each poll reached the stub, in nanoseconds. */
  private static List<Long> lateness(FaultyStub stub, Map<String, Long> startOfPoll) {
    List<Long> out = new ArrayList<>();
    for (Map.Entry<String, Long> arrival : stub.arrivalByAttempt.entrySet()) {
      Long start = startOfPoll.get(arrival.getKey());
      if (start != null) {
        out.add(arrival.getValue() - ORIGIN - start);
      }
    }
    out.sort(Long::compare);
    return out;
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int at = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1);
    return sorted.get(Math.max(0, at));
  }

  private static List<Long> sorted(Collection<Long> times) {
    List<Long> out = new ArrayList<>(times);
    out.sort(Long::compare);
    return out;
  }

  /** The most times that fall into any window of that many nanoseconds. */
  private static int mostIn(List<Long> sortedNanos, double windowNanos) {
    int most = 0;
    int from = 0;
    for (int to = 0; to < sortedNanos.size(); to++) {
      while (sortedNanos.get(to) - sortedNanos.get(from) >= windowNanos) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }

  /**
   * A real clock and the real sleeper, watched: the start time the limiter gives a caller is the
   * time it read plus the wait it asked for, both on the caller's thread.
   */
  private static final class Watched {
    private final ThreadLocal<Long> read = new ThreadLocal<>();
    final ThreadLocal<Long> slot = new ThreadLocal<>();
    private final Sleeper real = Sleeper.system();

    final Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Instant instant() {
            long now = System.nanoTime() - ORIGIN;
            read.set(now);
            return Instant.EPOCH.plusNanos(now);
          }
        };

    final Sleeper sleeper =
        duration -> {
          slot.set(read.get() + duration.toNanos());
          real.sleep(duration);
        };
  }

  /** Passes polls on, noting for each (job, version, poll number) the start the limiter gave it. */
  private static final class RecordingPort implements JobDetailsPort {
    private final JobDetailsPort port;
    private final Map<String, Long> startOfPoll;
    private final ThreadLocal<Long> lastStart;
    private final Map<JobVersionRef, AtomicLong> pollsPerRef = new ConcurrentHashMap<>();

    RecordingPort(JobDetailsPort port, Map<String, Long> startOfPoll, ThreadLocal<Long> lastStart) {
      this.port = port;
      this.startOfPoll = startOfPoll;
      this.lastStart = lastStart;
    }

    @Override
    public TrainingJob versionDetails(JobVersionRef ref) {
      note(ref);
      return port.versionDetails(ref);
    }

    @Override
    public TrainingJob versionDetails(JobVersionRef ref, Duration budget) {
      note(ref);
      return port.versionDetails(ref, budget);
    }

    private void note(JobVersionRef ref) {
      long poll = pollsPerRef.computeIfAbsent(ref, r -> new AtomicLong()).incrementAndGet();
      startOfPoll.put(ref.jobId() + "/" + ref.versionId() + "#" + poll, lastStart.get());
    }

    @Override
    public JobVersions versions(long jobId) {
      return port.versions(jobId);
    }
  }
}
