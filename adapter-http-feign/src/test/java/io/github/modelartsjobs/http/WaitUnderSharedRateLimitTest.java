package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.JobWaiter;
import io.github.modelartsjobs.core.usecase.PollRateLimiter;
import io.github.modelartsjobs.core.usecase.Sleeper;
import io.github.modelartsjobs.core.usecase.WaitListener;
import io.github.modelartsjobs.core.usecase.WaitOptions;
import io.github.modelartsjobs.core.usecase.WaitResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A thousand waits at once, each on its own version, sharing one real-time rate limit: the stub
 * never sees more polls in a second than the limit allows.
 *
 * <p>Times are measured where the requests arrive, so they carry the jitter of threads waking up
 * and of the loopback transport: a window of one second may hold up to 5% (limiter grants) or 10%
 * (stub arrivals) more than {@code rate + 1}. A limiter that does not limit puts the first thousand
 * polls into a fraction of a second, far past that.
 */
class WaitUnderSharedRateLimitTest {

  private static final int WAITS = 1000;

  private static final int POLLS_EACH = 2;

  private static final double RATE = 250;

  @Test
  void aThousandWaitsSharingOneLimitNeverPollFasterThanIt() throws Exception {
    try (FaultyStub stub = new FaultyStub(1)) {
      stub.pollsUntilTerminal = POLLS_EACH;
      stub.recordArrivals = true;
      Queue<Long> grants = new ConcurrentLinkedQueue<>();
      PollRateLimiter shared = PollRateLimiter.perSecond(RATE, Clock.systemUTC(), Sleeper.system());
      PollRateLimiter counted =
          () -> {
            shared.acquire();
            grants.add(System.nanoTime());
          };
      WaitOptions options =
          WaitOptions.defaults()
              .withTimeout(Duration.ofSeconds(60))
              .withInitialInterval(Duration.ofMillis(10))
              .withMaxInterval(Duration.ofMillis(50))
              .withRateLimiter(counted);
      Map<WaitResult.Outcome, AtomicLong> outcomes = new ConcurrentHashMap<>();
      AtomicLong pollsSeen = new AtomicLong();

      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            try (JobDetailsPort port = LoadWithFaultsTest.port(stub)) {
              JobWaiter waiter = JobWaiter.system(port);
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
      List<Long> arrivals = sorted(stub.arrivalNanos);
      List<Long> granted = sorted(grants);
      double spanSeconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
      System.out.printf(
          "wait under a shared limit of %.0f/s: %d waits, %d polls over %.2f s (%.1f/s);"
              + " most in one second: %d at the stub, %d granted%n",
          RATE,
          WAITS,
          arrivals.size(),
          spanSeconds,
          arrivals.size() / spanSeconds,
          mostInOneSecond(arrivals),
          mostInOneSecond(granted));

      assertThat(outcomes.get(WaitResult.Outcome.SUCCEEDED)).hasValue(WAITS);
      assertThat(pollsSeen.get()).isEqualTo((long) WAITS * POLLS_EACH);
      assertThat(stub.attempts.get()).isEqualTo((long) WAITS * POLLS_EACH);
      assertThat(granted).hasSize(WAITS * POLLS_EACH);
      assertThat(mostInOneSecond(granted)).isLessThanOrEqualTo((int) (RATE * 1.05) + 1);
      assertThat(mostInOneSecond(arrivals)).isLessThanOrEqualTo((int) (RATE * 1.10) + 1);
      assertThat(spanSeconds)
          .as("time the polls took, at the rate of the limit")
          .isGreaterThanOrEqualTo((WAITS * POLLS_EACH - 1) / RATE * 0.98);
    }
  }

  private static List<Long> sorted(Collection<Long> times) {
    List<Long> out = new ArrayList<>(times);
    out.sort(Long::compare);
    return out;
  }

  /** The most times that fall into any window of one second. */
  private static int mostInOneSecond(List<Long> sortedNanos) {
    int most = 0;
    int from = 0;
    for (int to = 0; to < sortedNanos.size(); to++) {
      while (sortedNanos.get(to) - sortedNanos.get(from) >= 1_000_000_000L) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }
}
