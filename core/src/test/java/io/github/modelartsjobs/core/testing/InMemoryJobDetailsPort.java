package io.github.modelartsjobs.core.testing;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link JobDetailsPort} over jobs held in memory, which records every call it serves. A version
 * it does not hold is not found, as the service would say; the versions of a job are listed newest
 * (highest version id) first.
 */
public final class InMemoryJobDetailsPort implements JobDetailsPort {

  private final Map<JobVersionRef, TrainingJob> jobs = new ConcurrentHashMap<>();
  private final List<JobVersionRef> detailCalls = new CopyOnWriteArrayList<>();
  private final List<Long> versionsCalls = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A port serving these jobs. */
  public static InMemoryJobDetailsPort serving(TrainingJob... served) {
    InMemoryJobDetailsPort port = new InMemoryJobDetailsPort();
    for (TrainingJob job : served) {
      port.put(job);
    }
    return port;
  }

  /** Serves this job from now on, replacing the one with the same ids. */
  public void put(TrainingJob job) {
    jobs.put(job.ref(), job);
  }

  @Override
  public TrainingJob versionDetails(JobVersionRef ref) {
    detailCalls.add(ref);
    TrainingJob job = jobs.get(ref);
    if (job == null) {
      throw JobNotFoundException.of(ref.jobId(), ref.versionId());
    }
    return job;
  }

  @Override
  public JobVersions versions(long jobId) {
    versionsCalls.add(jobId);
    List<TrainingJob> versions =
        jobs.values().stream()
            .filter(job -> job.jobId() == jobId)
            .sorted(Comparator.comparingLong(TrainingJob::versionId).reversed())
            .toList();
    if (versions.isEmpty()) {
      throw JobNotFoundException.of(jobId, null);
    }
    return new JobVersions(
        jobId,
        versions.get(0).jobName(),
        Optional.empty(),
        OptionalLong.of(versions.size()),
        versions,
        Map.of());
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** The refs of the version-details calls served so far, in order. */
  public List<JobVersionRef> detailCalls() {
    return List.copyOf(detailCalls);
  }

  /** The job ids of the versions-list calls served so far, in order. */
  public List<Long> versionsCalls() {
    return List.copyOf(versionsCalls);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }
}
