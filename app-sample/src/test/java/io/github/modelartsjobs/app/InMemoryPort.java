package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A port over answers held in memory. Each version has a queue of answers (a job or an error to
 * throw); every read takes the next one, and the last one stays for all later reads.
 */
final class InMemoryPort implements JobDetailsPort {

  private final Map<JobVersionRef, Deque<Object>> answers = new HashMap<>();
  private final Map<Long, Object> versions = new HashMap<>();
  private int reads;
  private boolean closed;

  /** Adds answers for a version, in order: {@link TrainingJob}s or {@link RuntimeException}s. */
  InMemoryPort answer(long jobId, long versionId, Object... inOrder) {
    answers
        .computeIfAbsent(JobVersionRef.of(jobId, versionId), r -> new ArrayDeque<>())
        .addAll(java.util.List.of(inOrder));
    return this;
  }

  /** Serves these jobs as the versions of their job, in the order given. */
  InMemoryPort versionsOf(long jobId, String jobName, TrainingJob... newestFirst) {
    versions.put(
        jobId,
        new JobVersions(
            jobId,
            java.util.Optional.of(jobName),
            java.util.Optional.empty(),
            OptionalLong.of(newestFirst.length),
            java.util.List.of(newestFirst),
            Map.of()));
    return this;
  }

  /** Answers the versions call with an error. */
  InMemoryPort versionsFail(long jobId, RuntimeException error) {
    versions.put(jobId, error);
    return this;
  }

  @Override
  public TrainingJob versionDetails(JobVersionRef ref) {
    reads++;
    Deque<Object> queue = answers.get(ref);
    if (queue == null || queue.isEmpty()) {
      throw JobNotFoundException.of(ref.jobId(), ref.versionId());
    }
    Object answer = queue.size() > 1 ? queue.poll() : queue.peek();
    if (answer instanceof RuntimeException e) {
      throw e;
    }
    return (TrainingJob) answer;
  }

  @Override
  public JobVersions versions(long jobId) {
    Object answer = versions.get(jobId);
    if (answer == null) {
      throw JobNotFoundException.of(jobId, null);
    }
    if (answer instanceof RuntimeException e) {
      throw e;
    }
    return (JobVersions) answer;
  }

  @Override
  public void close() {
    closed = true;
  }

  int reads() {
    return reads;
  }

  boolean closed() {
    return closed;
  }
}
