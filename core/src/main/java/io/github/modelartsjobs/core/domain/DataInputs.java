package io.github.modelartsjobs.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data a training job version reads: an OBS path, a dataset version, or a list of sources.
 *
 * @param dataUrl the {@code data_url}
 * @param datasetId the {@code dataset_id}
 * @param datasetVersionId the {@code dataset_version_id}
 * @param datasetName the {@code dataset_name}
 * @param datasetVersionName the {@code dataset_version_name}
 * @param sources the {@code data_source} items; empty optional when the service sent null or
 *     nothing, an empty list when it sent {@code []}
 */
public record DataInputs(
    Optional<String> dataUrl,
    Optional<String> datasetId,
    Optional<String> datasetVersionId,
    Optional<String> datasetName,
    Optional<String> datasetVersionName,
    Optional<List<DataSource>> sources) {

  /** Data inputs about which the service said nothing. */
  public static final DataInputs NONE =
      new DataInputs(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** Checks that no component is null and freezes the list of sources. */
  public DataInputs {
    Objects.requireNonNull(dataUrl, "dataUrl");
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(datasetVersionId, "datasetVersionId");
    Objects.requireNonNull(datasetName, "datasetName");
    Objects.requireNonNull(datasetVersionName, "datasetVersionName");
    sources = Objects.requireNonNull(sources, "sources").map(List::copyOf);
  }
}
