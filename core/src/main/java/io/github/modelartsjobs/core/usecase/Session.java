package io.github.modelartsjobs.core.usecase;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import io.github.modelartsjobs.core.domain.TrainingJob;
import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.JobDetailsAdapters;
import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point for reading training jobs, in the manner of the ModelArts Python SDK's {@code
 * Session}: it holds the port (the live service or fixtures) and hands out {@link Estimator}s,
 * {@link JobHandle}s and {@link JobVersionEntry}s, each with a {@code getJobInfo()}.
 *
 * <pre>{@code
 * Map<String, String> settings = Map.of("adapter", "fixtures", "fixtures.root", "samples");
 * try (Session session = Session.fromSettings(settings)) {
 *   TrainingJob job = new Estimator(session, 10, 10).getJobInfo();
 * }
 * }</pre>
 *
 * <p>A session is safe for use by many threads when its port is, as every adapter here is. Closing
 * the session closes the port.
 */
public final class Session implements GetJobInfoUseCase, AutoCloseable {

  private final JobDetailsPort port;

  private Session(JobDetailsPort port) {
    this.port = Objects.requireNonNull(port, "port");
  }

  /**
   * A session over a port built elsewhere.
   *
   * @param port the port, owned by the session from now on
   * @return the session
   */
  public static Session of(JobDetailsPort port) {
    return new Session(port);
  }

  /**
   * A session over the adapter that the {@code adapter} setting names.
   *
   * @param settings plain settings: {@code adapter} and the adapter's own keys
   * @return the session
   * @throws io.github.modelartsjobs.core.port.InvalidSettingsException if a setting is wrong
   */
  public static Session fromSettings(Map<String, String> settings) {
    return new Session(JobDetailsAdapters.create(AdapterSettings.of(settings)));
  }

  /** The port this session reads through. */
  public JobDetailsPort port() {
    return port;
  }

  @Override
  public TrainingJob getJobInfo(long jobId, long versionId) {
    return port.versionDetails(JobVersionRef.of(jobId, versionId));
  }

  @Override
  public TrainingJob getJobInfo(JobHandle handle) {
    return port.versionDetails(handle.ref());
  }

  @Override
  public TrainingJob getJobInfo(JobVersionEntry entry) {
    return port.versionDetails(entry.ref());
  }

  /**
   * An estimator for one version, as in {@code Estimator(session, job_id, version_id)}.
   *
   * @param jobId the job id, at least 1
   * @param versionId the version id, at least 1
   * @return the estimator
   */
  public Estimator estimator(long jobId, long versionId) {
    return new Estimator(this, jobId, versionId);
  }

  /**
   * A handle for one version, such as an application keeps after creating a job.
   *
   * @param jobId the job id, at least 1
   * @param versionId the version id, at least 1
   * @return the handle
   */
  public JobHandle job(long jobId, long versionId) {
    return new JobHandle(this, JobVersionRef.of(jobId, versionId));
  }

  /**
   * The versions of a job, newest first, each able to fetch its own full details.
   *
   * @param jobId the job id, at least 1
   * @return the entries, newest first
   */
  public List<JobVersionEntry> getJobVersions(long jobId) {
    JobVersionRef.requirePositive("jobId", jobId);
    return port.versions(jobId).versions().stream()
        .map(summary -> new JobVersionEntry(this, summary))
        .toList();
  }

  /** A waiter over this session's port, with the system clock. */
  public JobWaiter waiter() {
    return JobWaiter.system(port);
  }

  /** Closes the port. */
  @Override
  public void close() {
    port.close();
  }
}
