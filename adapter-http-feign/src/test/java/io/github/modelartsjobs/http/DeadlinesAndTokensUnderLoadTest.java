package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The call deadline holds for every call of a loaded port, however slowly the service answers, and
 * many threads that need an IAM token at once obtain it with a single request.
 */
class DeadlinesAndTokensUnderLoadTest {

  @Test
  void noCallOutlivesItsDeadlineWhenAnswersComeTooLate() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      stub.faults(0.03, 0.03, 0.10);
      stub.slowMillis = 3000;
      java.util.Set<Thread> before = LoadWithFaultsTest.liveThreads();
      LoadRun run = new LoadRun(400, 16, 14, 1);

      try (JobDetailsPort port =
          LoadWithFaultsTest.port(stub, Map.of("call-timeout", "600ms", "read-timeout", "2s"))) {
        run.run(port);
      }
      System.out.println("deadline of 600 ms, 10% of answers after 3 s: " + run.figures(stub));

      assertThat(run.untyped).isEmpty();
      assertThat(run.wrongJob.get()).isZero();
      assertThat(run.errorCounts().keySet()).isSubsetOf("ServiceUnavailableException");
      assertThat(run.errors()).as("calls that ran into the deadline").isPositive();
      assertThat(run.percentileMillis(100))
          .as("the longest call, against a deadline of 600 ms and answers after 3 s")
          .isLessThan(1800);
      assertThat(run.typedErrors)
          .filteredOn(e -> e.getMessage().contains("deadline"))
          .as("errors that name the deadline")
          .isNotEmpty();
      LoadWithFaultsTest.assertSettles(before, stub);
    }
  }

  @Test
  void manyThreadsNeedingAnIamTokenAtOnceObtainItWithOneRequest() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      stub.iamToken = "MIIsingleFlightToken0123456789";
      java.util.Set<Thread> before = LoadWithFaultsTest.liveThreads();
      LoadRun run = new LoadRun(300, 32, 15, 1);

      try (JobDetailsPort port =
          LoadWithFaultsTest.port(
              stub,
              Map.of(
                  "auth-token", "",
                  "iam-endpoint", stub.endpoint(),
                  "iam-user", "u",
                  "iam-password", "password-for-the-test",
                  "iam-domain", "d"))) {
        run.run(port);
      }

      assertThat(run.rightJob.get()).isEqualTo(300);
      assertThat(stub.iamCalls.get()).as("token requests").isEqualTo(1);
      LoadWithFaultsTest.assertSettles(before, stub);
    }
  }
}
