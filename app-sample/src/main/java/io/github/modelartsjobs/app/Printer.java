package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.io.PrintStream;

/** Writes what a command read to stdout, as a table ({@link JobTable}) or as JSON. */
final class Printer {

  private final PrintStream out;
  private final OutputFormat format;

  Printer(PrintStream out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** The format this printer writes. */
  OutputFormat format() {
    return format;
  }

  /** Writes one version. */
  void job(TrainingJob job) {
    if (format == OutputFormat.JSON) {
      out.println(JsonOutput.version(job));
    } else {
      out.print(JobTable.render(job));
    }
    out.flush();
  }

  /** Writes the versions of a job. */
  void versions(JobVersions versions) {
    if (format == OutputFormat.JSON) {
      out.println(JsonOutput.versions(versions));
    } else {
      out.print(VersionsTable.render(versions));
    }
    out.flush();
  }
}
