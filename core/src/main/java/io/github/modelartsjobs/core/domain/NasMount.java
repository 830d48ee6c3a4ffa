package io.github.modelartsjobs.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The SFS (NAS) share mounted into a training job version, from the {@code nas_*} fields.
 *
 * @param mountPath the {@code nas_mount_path} inside the container
 * @param shareAddress the {@code nas_share_addr}
 * @param type the {@code nas_type}, such as {@code nfs}
 */
public record NasMount(
    Optional<String> mountPath, Optional<String> shareAddress, Optional<String> type) {

  /** A mount about which the service said nothing. */
  public static final NasMount NONE =
      new NasMount(Optional.empty(), Optional.empty(), Optional.empty());

  /** Checks that no component is null. */
  public NasMount {
    Objects.requireNonNull(mountPath, "mountPath");
    Objects.requireNonNull(shareAddress, "shareAddress");
    Objects.requireNonNull(type, "type");
  }
}
