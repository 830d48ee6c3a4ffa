package io.github.modelartsjobs.core.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine a training job version runs on.
 *
 * @param type the {@code engine_type} code, possibly one this library does not know
 * @param name the {@code engine_name} as sent, such as {@code TensorFlow} or {@code
 *     INNER_TensorFlow}
 * @param version the {@code engine_version}, such as {@code TF-1.4.0-python2.7}
 * @param id the {@code engine_id}, which names engine and version together
 */
public record Engine(
    Optional<EngineType> type, Optional<String> name, Optional<String> version, OptionalLong id) {

  /** An engine about which the service said nothing. */
  public static final Engine NONE =
      new Engine(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());

  /** Checks that no component is null; absent parts are empty optionals. */
  public Engine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(id, "id");
  }

  /**
   * The name to show a person: the name the service sent, else the documented name of the type.
   *
   * @return the name, or empty when neither is known
   */
  public Optional<String> displayName() {
    return name.or(() -> type.flatMap(EngineType::documentedName));
  }
}
