package io.github.modelartsjobs.core.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The versions of one training job, newest first, as the versions-list call reports them.
 *
 * <p>Each version carries the same fields as the details of one version; the job id and name of the
 * list are copied into each of them.
 *
 * @param jobId the {@code job_id}
 * @param jobName the {@code job_name}
 * @param jobDescription the {@code job_desc}
 * @param versionCount the {@code version_count} the service reported, which may exceed the size of
 *     {@code versions} when the service pages
 * @param versions the versions, newest first
 * @param undocumentedFields keys of the list body that no table documents (JSON-shaped values)
 */
public record JobVersions(
    long jobId,
    Optional<String> jobName,
    Optional<String> jobDescription,
    OptionalLong versionCount,
    List<TrainingJob> versions,
    Map<String, Object> undocumentedFields) {

  /** Checks the job id and that no component is null, and freezes the collections. */
  public JobVersions {
    JobVersionRef.requirePositive("jobId", jobId);
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(jobDescription, "jobDescription");
    Objects.requireNonNull(versionCount, "versionCount");
    versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
    undocumentedFields = JsonValues.copyOfObject(undocumentedFields);
  }

  /**
   * The newest version.
   *
   * @return the first version of the list, or empty when there is none
   */
  public Optional<TrainingJob> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
  }
}
