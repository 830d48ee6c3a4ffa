package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.port.JobDetailsPort;
import io.github.modelartsjobs.core.usecase.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code job-info}: the details of one training job version, as a table or as JSON. */
@Command(
    name = "job-info",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Shows the details of one training job version.")
final class JobInfoCommand implements Callable<Integer> {

  private final RootCommand root;

  @Mixin VersionOptions version;

  JobInfoCommand(RootCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    Printer printer = root.printer();
    JobDetailsPort port = root.openPort();
    try (Session session = Session.of(port)) {
      printer.job(session.getJobInfo(version.jobId, version.versionId));
    }
    return ExitCodes.OK;
  }
}
