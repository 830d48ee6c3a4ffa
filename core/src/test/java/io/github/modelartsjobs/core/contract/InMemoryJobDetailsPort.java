package io.github.modelartsjobs.core.contract;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.error.JobNotFoundException;
import io.github.modelartsjobs.core.error.ModelArtsException;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link JobDetailsPort} over jobs held in memory, for tests of the code above the port.
 *
 * <p>A version answers with the job last {@link #put put} for it, or with the error staged by
 * {@link #failWith}; anything else is not found. The versions of a job are those put, newest
 * (highest version id) first. Thread-safe; {@link #calls()} counts every call.
 */
public final class InMemoryJobDetailsPort implements JobDetailsPort {

  private final Map<JobVersionRef, TrainingJob> jobs = new ConcurrentHashMap<>();
  private final Map<JobVersionRef, Supplier<? extends ModelArtsException>> failures =
      new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** A port holding these jobs. */
  public static InMemoryJobDetailsPort of(TrainingJob... jobs) {
    InMemoryJobDetailsPort port = new InMemoryJobDetailsPort();
    for (TrainingJob job : jobs) {
      port.put(job);
    }
    return port;
  }

  /** Holds a job (replacing the one with the same ids) and clears a failure staged for it. */
  public InMemoryJobDetailsPort put(TrainingJob job) {
    jobs.put(job.ref(), job);
    failures.remove(job.ref());
    return this;
  }

  /** Makes every call for this version throw a fresh error from the supplier. */
  public InMemoryJobDetailsPort failWith(
      JobVersionRef ref, Supplier<? extends ModelArtsException> error) {
    failures.put(ref, error);
    return this;
  }

  /** How many calls the port has answered, failed ones included. */
  public int calls() {
    return calls.get();
  }

  @Override
  public TrainingJob versionDetails(JobVersionRef ref) {
    calls.incrementAndGet();
    Supplier<? extends ModelArtsException> failure = failures.get(ref);
    if (failure != null) {
      throw failure.get();
    }
    TrainingJob job = jobs.get(ref);
    if (job == null) {
      throw JobNotFoundException.of(ref.jobId(), ref.versionId());
    }
    return job;
  }

  @Override
  public JobVersions versions(long jobId) {
    calls.incrementAndGet();
    List<TrainingJob> versions =
        jobs.values().stream()
            .filter(job -> job.jobId() == jobId)
            .sorted(Comparator.comparingLong(TrainingJob::versionId).reversed())
            .toList();
    if (versions.isEmpty()) {
      throw JobNotFoundException.of(jobId, null);
    }
    TrainingJob latest = versions.get(0);
    return new JobVersions(
        jobId,
        latest.jobName(),
        latest.jobDescription(),
        OptionalLong.of(versions.size()),
        versions,
        Map.of());
  }

  /** The job held for a version, if any. */
  public Optional<TrainingJob> get(JobVersionRef ref) {
    return Optional.ofNullable(jobs.get(ref));
  }
}
