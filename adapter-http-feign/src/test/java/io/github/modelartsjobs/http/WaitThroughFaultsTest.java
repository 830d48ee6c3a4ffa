package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.JobWaiter;
import io.github.modelartsjobs.core.usecase.WaitListener;
import io.github.modelartsjobs.core.usecase.WaitOptions;
import io.github.modelartsjobs.core.usecase.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many waits through a service that fails a third of the attempts, enough to open the breaker now
 * and then: every wait still ends with its version's terminal status, and nothing is left running
 * afterwards.
 */
class WaitThroughFaultsTest {

  @Test
  void everyWaitReachesTheEndDespiteFaultsAndAnOpeningBreaker() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      stub.faults(0.25, 0.10, 0.01);
      stub.pollsUntilTerminal = 4;
      Set<Thread> before = LoadWithFaultsTest.liveThreads();
      WaitOptions options =
          WaitOptions.defaults()
              .withTimeout(Duration.ofSeconds(60))
              .withInitialInterval(Duration.ofMillis(10))
              .withMaxInterval(Duration.ofMillis(50));
      List<WaitResult> results = new ArrayList<>();

      assertTimeoutPreemptively(
          Duration.ofSeconds(90),
          () -> {
            try (JobDetailsPort port =
                    LoadWithFaultsTest.port(
                        stub,
                        Map.of("breaker-open-duration", "100ms", "breaker-minimum-calls", "10"));
                BreakerTransitions transitions = new BreakerTransitions()) {
              JobWaiter waiter = JobWaiter.system(port);
              ExecutorService pool = Executors.newFixedThreadPool(50, LoadRun.named("waiter"));
              try {
                List<Future<WaitResult>> waits = new ArrayList<>();
                for (int v = 1; v <= 200; v++) {
                  JobVersionRef ref = new JobVersionRef(16, v);
                  waits.add(pool.submit(() -> waiter.waitFor(ref, options, WaitListener.NONE)));
                }
                for (Future<WaitResult> wait : waits) {
                  results.add(wait.get());
                }
              } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
              }
              System.out.printf(
                  "200 waits through a third of failed attempts: %d attempts, %d breaker"
                      + " transitions, %d waits met an error on the way%n",
                  stub.attempts.get(),
                  transitions.all().size(),
                  results.stream().filter(r -> r.lastError().isPresent()).count());
            }
          });

      assertThat(results)
          .hasSize(200)
          .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.SUCCEEDED));
      assertThat(results).anySatisfy(r -> assertThat(r.lastError()).isPresent());
      LoadWithFaultsTest.assertSettles(before, stub);
    }
  }
}
