package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobVersionRef;
import picocli.CommandLine.Option;

/** The {@code --job-id} and {@code --version-id} options of the commands about one version. */
final class VersionOptions {

  @Option(
      names = "--job-id",
      required = true,
      paramLabel = "N",
      converter = Ids.class,
      description = "the training job id")
  long jobId;

  @Option(
      names = "--version-id",
      required = true,
      paramLabel = "N",
      converter = Ids.class,
      description = "the version id")
  long versionId;

  /** The version the options name. */
  JobVersionRef ref() {
    return JobVersionRef.of(jobId, versionId);
  }
}
