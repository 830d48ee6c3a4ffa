package io.github.modelartsjobs.core.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One running parameter of a training job version, an item of {@code parameter}.
 *
 * <p>The value is documented as a string but arrives as a number too; it is kept as text (a number
 * as its JSON text, such as {@code 0.01}).
 *
 * @param label the {@code label}: the parameter name
 * @param value the {@code value} as text
 * @param otherFields keys of the item that no table documents ({@code required}, {@code
 *     placeholder}, {@code tip}, ...), as sent (JSON-shaped values)
 */
public record Parameter(
    Optional<String> label, Optional<String> value, Map<String, Object> otherFields) {

  /** Checks that no component is null and freezes {@code otherFields}. */
  public Parameter {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    otherFields = JsonValues.copyOfObject(otherFields);
  }

  /**
   * A parameter with a label and a value and nothing else.
   *
   * @param label the name
   * @param value the value as text
   * @return the parameter
   */
  public static Parameter of(String label, String value) {
    return new Parameter(Optional.of(label), Optional.of(value), Map.of());
  }
}
