package io.github.modelartsjobs.app;

import io.github.modelartsjobs.codec.JobJsonCodec;
import io.github.modelartsjobs.core.domain.JobVersions;
import io.github.modelartsjobs.core.domain.TrainingJob;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The JSON output, written by the shared {@link JobJsonCodec} so that there is one mapping: a
 * version is the object of a version-details answer (the service's field names, numbers as numbers,
 * metrics as objects, stable key order), which the fixtures adapter reads back as an equal job. The
 * versions of a job are an array of such objects, newest first.
 */
final class JsonOutput {

  private static final JobJsonCodec CODEC = JobJsonCodec.create();

  private JsonOutput() {}

  /** One version as a JSON object, without a final line break. */
  static String version(TrainingJob job) {
    return new String(CODEC.writeVersionDetails(job), StandardCharsets.UTF_8);
  }

  /**
   * The versions as a JSON array of version objects, without a final line break. Each object is
   * indented by two more spaces; JSON strings hold no raw line breaks, so this changes no value.
   */
  static String versions(JobVersions versions) {
    if (versions.versions().isEmpty()) {
      return "[]";
    }
    StringJoiner array = new StringJoiner(",\n  ", "[\n  ", "\n]");
    for (TrainingJob version : versions.versions()) {
      array.add(version(version).replace("\n", "\n  "));
    }
    return array.toString();
  }
}
