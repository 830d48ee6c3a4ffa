package io.github.modelartsjobs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.InvalidResponseException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Answers that are well-formed but wrong, and the versions list paged under faults: the port
 * returns the job it was asked for, complete and in order, or a typed error; never another job.
 */
class HostileAnswersTest {

  @Test
  void versionDetailsAboutAnotherJobAreAnInvalidResponse() {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED);
        JobDetailsPort port = LoadWithFaultsTest.port(stub)) {
      stub.answerForOtherJob = 1000;

      assertThatThrownBy(() -> port.versionDetails(new JobVersionRef(5, 6)))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("1005");
    }
  }

  @Test
  void versionsListAboutAnotherJobIsAnInvalidResponse() {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED);
        JobDetailsPort port = LoadWithFaultsTest.port(stub)) {
      stub.answerForOtherJob = 1000;

      assertThatThrownBy(() -> port.versions(5))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("1005");
    }
  }

  @Test
  void brokenWireAndDamagedBodiesEndInTheJobOrATypedError() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED)) {
      stub.faults(0.02, 0.02, 0);
      stub.wireFaultRate = 0.06;
      stub.damagedBodyRate = 0.05;
      java.util.Set<Thread> before = LoadWithFaultsTest.liveThreads();
      LoadRun run = new LoadRun(1000, 8, 13, 1);

      try (JobDetailsPort port = LoadWithFaultsTest.port(stub)) {
        run.run(port);
      }
      System.out.println("broken wire and damaged bodies: " + run.figures(stub));

      assertThat(run.untyped).as("errors that are not typed (seed %d)", stub.seed).isEmpty();
      assertThat(run.wrongJob.get()).isZero();
      assertThat(run.rightJob.get() + run.errors()).isEqualTo(1000);
      assertThat(run.errorCounts().keySet())
          .isSubsetOf("ServiceUnavailableException", "InvalidResponseException");
      assertThat(stub.wireFaults.get()).isPositive();
      assertThat(stub.damagedBodies.get()).isPositive();
      assertThat(run.rightJob.get()).isGreaterThan(800);
      LoadWithFaultsTest.assertSettles(before, stub);
    }
  }

  @Test
  void versionsPagedOneByOneUnderFaultsAreCompleteAndNewestFirst() throws Exception {
    try (FaultyStub stub = new FaultyStub(LoadWithFaultsTest.SEED);
        JobDetailsPort port = LoadWithFaultsTest.port(stub, Map.of("page-size", "1"))) {
      stub.faults(0.05, 0.05, 0.01);
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      AtomicLong complete = new AtomicLong();
      AtomicLong typed = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(8, LoadRun.named("pages"));

      try {
        List<Future<?>> calls = new java.util.ArrayList<>();
        for (long job = 1; job <= 300; job++) {
          long jobId = job;
          calls.add(
              pool.submit(
                  () -> {
                    try {
                      JobVersions versions = port.versions(jobId);
                      List<Long> ids =
                          versions.versions().stream().map(TrainingJob::versionId).toList();
                      boolean ownJob =
                          versions.jobId() == jobId
                              && versions.versions().stream().allMatch(v -> v.jobId() == jobId);
                      if (ownJob && ids.equals(List.of(3L, 2L, 1L))) {
                        complete.incrementAndGet();
                      } else {
                        wrong.add("job " + jobId + ": " + versions.jobId() + " " + ids);
                      }
                    } catch (ModelArtsException e) {
                      typed.incrementAndGet();
                    }
                  }));
        }
        for (Future<?> call : calls) {
          call.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(wrong).as("lists incomplete, out of order or of another job").isEmpty();
      assertThat(complete.get() + typed.get()).isEqualTo(300);
      assertThat(complete.get()).isGreaterThanOrEqualTo(290);
      assertThat(stub.attemptsPerPath).hasSize(300);
    }
  }
}
