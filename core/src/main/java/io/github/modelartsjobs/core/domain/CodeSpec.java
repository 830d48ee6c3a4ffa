package io.github.modelartsjobs.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a training job version runs: its code directory and boot file, or a custom image and the
 * command that starts it. Built-in algorithms have neither, and the service sends nulls.
 *
 * @param appUrl the {@code app_url}: the code directory
 * @param bootFileUrl the {@code boot_file_url}: the boot file
 * @param userImageUrl the {@code user_image_url}: the custom image
 * @param userCommand the {@code user_command}: the boot command of the custom image
 */
public record CodeSpec(
    Optional<String> appUrl,
    Optional<String> bootFileUrl,
    Optional<String> userImageUrl,
    Optional<String> userCommand) {

  /** Code about which the service said nothing. */
  public static final CodeSpec NONE =
      new CodeSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Checks that no component is null. */
  public CodeSpec {
    Objects.requireNonNull(appUrl, "appUrl");
    Objects.requireNonNull(bootFileUrl, "bootFileUrl");
    Objects.requireNonNull(userImageUrl, "userImageUrl");
    Objects.requireNonNull(userCommand, "userCommand");
  }
}
