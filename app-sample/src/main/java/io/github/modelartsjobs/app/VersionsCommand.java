package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.JobDetailsPort;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code versions}: the versions of a training job, newest first; as a table of id, name, status,
 * creation time, duration and engine, or as a JSON array of version objects.
 */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Lists the versions of a training job, newest first.")
final class VersionsCommand implements Callable<Integer> {

  private final RootCommand root;

  @Option(
      names = "--job-id",
      required = true,
      paramLabel = "N",
      converter = Ids.class,
      description = "the training job id")
  long jobId;

  VersionsCommand(RootCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Printer printer = root.printer();
    try (JobDetailsPort port = root.openPort()) {
      printer.versions(port.versions(jobId));
    }
    return ExitCodes.OK;
  }
}
