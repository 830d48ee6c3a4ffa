package io.github.modelartsjobs.core.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of {@code data_source}: an OBS path or a dataset version that feeds a job version.
 *
 * @param type the {@code type}: {@code obs} or {@code dataset} in the documentation
 * @param dataUrl the {@code data_url}
 * @param datasetId the {@code dataset_id}
 * @param datasetVersion the {@code dataset_version}
 * @param otherFields keys of the item that no table documents, as sent (JSON-shaped values)
 */
public record DataSource(
    Optional<String> type,
    Optional<String> dataUrl,
    Optional<String> datasetId,
    Optional<String> datasetVersion,
    Map<String, Object> otherFields) {

  /** Checks that no component is null and freezes {@code otherFields}. */
  public DataSource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dataUrl, "dataUrl");
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(datasetVersion, "datasetVersion");
    otherFields = JsonValues.copyOfObject(otherFields);
  }
}
