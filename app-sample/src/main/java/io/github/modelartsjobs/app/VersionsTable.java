package io.github.modelartsjobs.app;

import io.github.modelartsjobs.core.domain.JobStatus;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.util.Optional;

/**
 * The table output of {@code versions}: a heading naming the job, then one row per version in the
 * order the port gave them (newest first) with id, name, status, creation time, duration and
 * engine. A cell the service sent nothing for shows {@code -}. When the list names no job (a list
 * derived from version files, say), the heading takes the name of the newest version that has one.
 */
final class VersionsTable {

  private VersionsTable() {}

  /**
   * Renders the versions of a job.
   *
   * @param versions the versions, newest first
   * @return the text, each line ending with a line break
   */
  static String render(JobVersions versions) {
    StringBuilder out = new StringBuilder("Job ").append(versions.jobId());
    jobName(versions).ifPresent(n -> out.append(' ').append(Formats.oneLine(n)));
    long count =
        versions.versionCount().isPresent()
            ? versions.versionCount().getAsLong()
            : versions.versions().size();
    out.append(": ").append(count).append(count == 1 ? " version" : " versions").append('\n');
    if (versions.versions().isEmpty()) {
      return out.toString();
    }

    TextLayout.Columns table =
        new TextLayout.Columns().add("VERSION", "NAME", "STATUS", "CREATED", "DURATION", "ENGINE");
    for (TrainingJob v : versions.versions()) {
      table.add(
          Long.toString(v.versionId()),
          cell(v.versionName()),
          cell(v.status().map(VersionsTable::status)),
          cell(v.timing().created().map(Formats::instantSeconds)),
          cell(v.timing().duration().map(Formats::duration)),
          cell(
              v.engine()
                  .displayName()
                  .map(n -> v.engine().version().map(ver -> n + " " + ver).orElse(n))));
    }
    out.append('\n');
    table.lines().forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static Optional<String> jobName(JobVersions versions) {
    Optional<String> listed = versions.jobName().filter(n -> !n.isBlank());
    if (listed.isPresent()) {
      return listed;
    }
    return versions.versions().stream()
        .map(TrainingJob::jobName)
        .flatMap(Optional::stream)
        .filter(n -> !n.isBlank())
        .findFirst();
  }

  private static String status(JobStatus status) {
    return status.name().orElse("unknown (" + status.code() + ")");
  }

  private static String cell(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).map(Formats::oneLine).orElse("-");
  }
}
