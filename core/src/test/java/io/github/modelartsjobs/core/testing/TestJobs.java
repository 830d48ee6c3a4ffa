package io.github.modelartsjobs.core.testing;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.Optional;

/** Training jobs for tests: only the parts a test names are present. */
public final class TestJobs {

  private TestJobs() {}

  /** A version with ids and a status, and nothing else. */
  public static TrainingJob withStatus(long jobId, long versionId, JobStatus status) {
    return TrainingJob.builder(jobId, versionId).status(status).build();
  }

  /** A version with ids, a name and a status code. */
  public static TrainingJob named(long jobId, long versionId, String jobName, int statusCode) {
    return TrainingJob.builder(jobId, versionId)
        .jobName(Optional.of(jobName))
        .status(JobStatus.of(statusCode))
        .build();
  }
}
