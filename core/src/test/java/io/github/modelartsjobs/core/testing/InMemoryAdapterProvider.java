package io.github.modelartsjobs.core.testing;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.port.AdapterSettings;
import io.github.modelartsjobs.core.port.InvalidSettingsException;
import io.github.modelartsjobs.core.port.JobDetailsAdapterProvider;
import io.github.modelartsjobs.core.port.JobDetailsPort;

/**
 * A provider registered for core's tests only, named {@value #NAME}: it serves the versions listed
 * in the setting {@value #JOBS_KEY} ({@code jobId/versionId} pairs separated by commas), each
 * completed.
 */
public final class InMemoryAdapterProvider implements JobDetailsAdapterProvider {

  /** The adapter name. */
  public static final String NAME = "in-memory";

  /** The setting that lists the versions served. */
  public static final String JOBS_KEY = "in-memory.jobs";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "versions held in memory, for tests";
  }

  @Override
  public JobDetailsPort create(AdapterSettings settings) {
    String jobs = settings.require(JOBS_KEY, "a list of jobId/versionId pairs");
    InMemoryJobDetailsPort port = new InMemoryJobDetailsPort();
    for (String pair : jobs.split(",")) {
      String[] ids = pair.strip().split("/");
      try {
        long jobId = Long.parseLong(ids[0]);
        long versionId = Long.parseLong(ids[ids.length - 1]);
        port.put(TestJobs.withStatus(jobId, versionId, JobStatus.COMPLETED));
      } catch (NumberFormatException e) {
        throw new InvalidSettingsException(
            JOBS_KEY + " must list jobId/versionId pairs, but was \"" + jobs + "\"");
      }
    }
    return port;
  }
}
