package io.github.modelartsjobs.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a training job version writes: its output and log paths, and the model it produced.
 *
 * @param trainUrl the {@code train_url}: the OBS output path
 * @param logUrl the {@code log_url}: the OBS log path
 * @param modelId the {@code model_id}
 */
public record Outputs(Optional<String> trainUrl, Optional<String> logUrl, OptionalLong modelId) {

  /** Outputs about which the service said nothing. */
  public static final Outputs NONE =
      new Outputs(Optional.empty(), Optional.empty(), OptionalLong.empty());

  /** Checks that no component is null. */
  public Outputs {
    Objects.requireNonNull(trainUrl, "trainUrl");
    Objects.requireNonNull(logUrl, "logUrl");
    Objects.requireNonNull(modelId, "modelId");
  }
}
