package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;

/** The JSON output. */
final class JsonOutput {

  private JsonOutput() {}

  static String version(TrainingJob job) {
    throw new UsageException("json output is not built yet", "use --output table", null);
  }

  static String versions(JobVersions versions) {
    throw new UsageException("json output is not built yet", "use --output table", null);
  }
}
